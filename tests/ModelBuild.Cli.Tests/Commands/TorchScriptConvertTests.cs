namespace ModelBuild.Cli.Tests.Commands;

/// <summary>
/// convert with TorchScript archives (torch.jit.trace / torch.jit.script) as the source, and as the
/// <c>--architecture</c> of a fine-tuned checkpoint: end to end through the gate against PyTorch's outputs.
/// </summary>
public sealed class TorchScriptConvertTests
{
    [Theory]
    [InlineData("torchscript/mlp_traced", "x: float32[2,16]")]
    [InlineData("torchscript/cnn_traced", "x: float32[2,3,8,8]")]
    [InlineData("torchscript/shapes_traced", "x: float32[2,4,3,2]")]
    [InlineData("torchscript/gated_scripted", "x: float32[3,5]")]
    public void Convert_WhenTorchScriptArchiveWithInput_PassesTheGate(string fixture, string input)
    {
        using var temp = new TempFolder();
        var output = temp.File("net.onnx");

        var result = CliRunner.Run("convert", CliRunner.Fixture(fixture + ".pt"), "--input", input,
            "--reference", CliRunner.Fixture(fixture + ".ref.npz"), "-o", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(0, CliRunner.Run("verify", output, "--reference", CliRunner.Fixture(fixture + ".ref.npz")).ExitCode);
    }

    [PythonTorchFact]
    public void Convert_WhenBatchIsSymbolic_PassesTheGateAtBatchesTheTraceDidNotSee()
    {
        using var temp = new TempFolder();
        var source = CliRunner.Fixture("torchscript/shapes_traced.pt");
        foreach (var batch in new[] { 1, 3 })
        {
            var reference = temp.File($"batch{batch}.ref.npz");
            var golden = CliRunner.Run("golden", source, "--input", $"x: float32[{batch},4,3,2]", "-o", reference, "--seed", "7");
            Assert.True(golden.ExitCode == 0, golden.ToString());

            // Traced at batch 2 with x.view(n, c, h * w) and reshape(r, [n, -1]): n is computed from the input's shape.
            var result = CliRunner.Run("convert", source, "--input", "x: float32[batch,4,3,2]", "--reference", reference, "-o", temp.File($"net{batch}.onnx"));

            Assert.True(result.ExitCode == 0, result.ToString());
        }
    }

    [Fact]
    public void Convert_WhenTracedFineTunedModel_PassesTheGate()
    {
        using var temp = new TempFolder();

        var result = CliRunner.Run("convert", CliRunner.Fixture("finetune/finetuned.traced.pt"), "--input", "x: float32[2,1,8,8]",
            "--reference", CliRunner.Fixture("finetune/finetuned.ref.npz"), "-o", temp.File("net.onnx"));

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void Convert_WhenInputOmitted_TakesShapesFromTheReferenceInputs()
    {
        using var temp = new TempFolder();

        var result = CliRunner.Run("convert", CliRunner.Fixture("torchscript/cnn_traced.pt"), "-o", temp.File("net.onnx"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("x: float32[2,3,8,8]", result.Stdout);
    }

    [Fact]
    public void Convert_WhenInputNameDiffersFromForward_MatchesByPositionAndKeepsTheDeclaredName()
    {
        using var temp = new TempFolder();
        var output = temp.File("net.onnx");

        var result = CliRunner.Run("convert", CliRunner.Fixture("torchscript/mlp_traced.pt"), "--input", "features: float32[2,16]", "--no-verify", "-o", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        var inspect = CliRunner.Run("inspect", output);
        Assert.Contains("features", inspect.Stdout);
    }

    [Fact]
    public void Convert_WhenNeitherInputNorReference_ExitsTwoNamingTheSyntax()
    {
        using var temp = new TempFolder();

        var result = CliRunner.Run("convert", CliRunner.Fixture("torchscript/mlp_traced.pt"), "--reference", "none", "-o", temp.File("net.onnx"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error MBLD1170", result.Stderr);
        Assert.Contains("--input \"x: float32[batch,3,224,224]\"", result.Stderr);
        Assert.Empty(temp.Entries());
    }

    [Fact]
    public void Convert_WhenTorchScriptSourceGivenAnArchitecture_ExitsTwo()
    {
        using var temp = new TempFolder();

        var result = CliRunner.Run("convert", CliRunner.Fixture("finetune/finetuned.traced.pt"), "--architecture", CliRunner.Fixture("finetune/template.onnx"), "-o", temp.File("out.onnx"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error MBLD1005", result.Stderr);
    }

    [Theory]
    [InlineData("finetune/finetuned.state_dict.pt", null)]
    [InlineData("finetune/finetuned.checkpoint.pt", null)]
    [InlineData("finetune/finetuned.safetensors", null)]
    [InlineData("finetune/finetuned.prefixed.safetensors", "model.*=*")]
    public void Convert_WhenCheckpointWithTracedSeedModelAsArchitecture_ComputesTheFineTunedOutputs(string weights, string? nameMap)
    {
        using var temp = new TempFolder();
        var args = new List<string>
        {
            "convert", CliRunner.Fixture(weights), "--architecture", CliRunner.Fixture("finetune/template.traced.pt"),
            "--input", "x: float32[2,1,8,8]", "--reference", CliRunner.Fixture("finetune/finetuned.ref.npz"), "-o", temp.File("out.onnx"),
        };
        if (nameMap is not null) args.AddRange(["--name-map", nameMap]);

        var result = CliRunner.Run([.. args]);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void Convert_WhenCheckpointDoesNotFitTracedArchitecture_ExitsTwoListingNames()
    {
        using var temp = new TempFolder();

        var result = CliRunner.Run("convert", CliRunner.Fixture("finetune/finetuned.prefixed.safetensors"), "--architecture", CliRunner.Fixture("finetune/template.traced.pt"),
            "--input", "x: float32[2,1,8,8]", "-o", temp.File("out.onnx"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error MBLD1140", result.Stderr);
        Assert.Contains("model.conv.weight", result.Stderr);
        Assert.Contains("conv.weight", result.Stderr);
        Assert.Empty(temp.Entries());
    }

    [Fact]
    public void Convert_WhenArchitectureIsTorchSaveFile_ExitsThreeSayingItHasNoGraph()
    {
        using var temp = new TempFolder();

        var result = CliRunner.Run("convert", CliRunner.Fixture("finetune/finetuned.safetensors"), "--architecture", CliRunner.Fixture("finetune/finetuned.state_dict.pt"), "-o", temp.File("out.onnx"));

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("no graph", result.Stderr);
    }
}
