namespace ModelBuild.Cli.Tests.Commands;

/// <summary><c>modelbuild convert</c> on PyTorch-made sources, end to end through the gate.</summary>
public sealed class ConvertCommandTests
{
    [Fact]
    public void Convert_WhenOnnxSourceWithReference_WritesVerifiedArtifact()
    {
        using var temp = new TempFolder();
        var output = temp.File("mlp.onnx");

        var result = CliRunner.Run("convert", CliRunner.Fixture("mlp/mlp.onnx"), "-o", output, "--reference", CliRunner.Fixture("mlp/mlp.ref.npz"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(output));
        // The artifact and the I/O signature the MSBuild accessor generator reads; nothing else (no staging left).
        Assert.Equal(new[] { "mlp.onnx", "mlp.signature.json" }, temp.Entries());
        Assert.Equal(0, CliRunner.Run("verify", output, "--reference", CliRunner.Fixture("mlp/mlp.ref.npz")).ExitCode);
    }

    [Fact]
    public void Convert_WhenConverted_WritesSignatureSidecarWithInputsAndOutputs()
    {
        using var temp = new TempFolder();
        var output = temp.File("cnn.onnx");

        var result = CliRunner.Run("convert", CliRunner.Fixture("cnn/cnn.onnx"), "-o", output, "--reference", CliRunner.Fixture("cnn/cnn.ref.npz"));

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(temp.File("cnn.signature.json")));
        var input = Assert.Single(json.RootElement.GetProperty("inputs").EnumerateArray());
        Assert.Equal("x", input.GetProperty("name").GetString());
        Assert.Equal("float32", input.GetProperty("dtype").GetString());
        Assert.Equal("""["batch",3,16,16]""", input.GetProperty("shape").GetRawText().Replace(" ", "").Replace("\n", "").ReplaceLineEndings(""));
        Assert.Equal(new[] { "output_0", "output_1" }, json.RootElement.GetProperty("outputs").EnumerateArray().Select(o => o.GetProperty("name").GetString()));
    }

    [Theory]
    [InlineData("finetune/finetuned.safetensors", null)]
    [InlineData("finetune/finetuned.npz", null)]
    [InlineData("finetune/finetuned.prefixed.safetensors", "model.*=*")]
    public void Convert_WhenFineTunedWeightsAreBoundIntoTemplate_MatchesPyTorchOutputsForNewWeights(string weights, string? nameMap)
    {
        using var temp = new TempFolder();
        var output = temp.File("finetuned.onnx");
        var args = new List<string>
        {
            "convert", CliRunner.Fixture(weights), "-o", output,
            "--architecture", CliRunner.Fixture("finetune/template.onnx"),
            "--reference", CliRunner.Fixture("finetune/finetuned.ref.npz"),
        };
        if (nameMap is not null) args.AddRange(["--name-map", nameMap]);

        var result = CliRunner.Run([.. args]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(0, CliRunner.Run("verify", output, "--reference", CliRunner.Fixture("finetune/finetuned.ref.npz")).ExitCode);
    }

    [Fact]
    public void Convert_WhenWeightNamesDoNotMatch_ListsEveryMissingAndUnmatchedNameInOneError()
    {
        using var temp = new TempFolder();

        var result = CliRunner.Run("convert", CliRunner.Fixture("finetune/finetuned.prefixed.safetensors"), "-o", temp.File("out.onnx"),
            "--architecture", CliRunner.Fixture("finetune/template.onnx"));

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("finetuned.prefixed.safetensors: error MBLD1140", line);
        foreach (var name in new[] { "conv.weight", "conv.bias", "fc.weight", "fc.bias", "model.conv.weight", "model.fc.bias" })
            Assert.Contains(name, line);
        Assert.Empty(temp.Entries());
    }

    [Fact]
    public void Convert_WhenWeightsOnlySourceHasNoArchitecture_ExitsTwoAndSaysWhatToPass()
    {
        using var temp = new TempFolder();

        var result = CliRunner.Run("convert", CliRunner.Fixture("finetune/finetuned.safetensors"), "-o", temp.File("out.onnx"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error MBLD1142", result.Stderr);
        Assert.Contains("--architecture", result.Stderr);
    }

    [Fact]
    public void Convert_WhenRunTwiceOnTheSameInput_WritesByteIdenticalArtifacts()
    {
        using var temp = new TempFolder();
        string[] Convert(string output) =>
        [
            "convert", CliRunner.Fixture("finetune/finetuned.safetensors"), "-o", output,
            "--architecture", CliRunner.Fixture("finetune/template.onnx"), "--no-verify",
        ];

        Assert.Equal(0, CliRunner.Run(Convert(temp.File("a/model.onnx"))).ExitCode);
        Assert.Equal(0, CliRunner.Run(Convert(temp.File("b/model.onnx"))).ExitCode);

        Assert.Equal(File.ReadAllBytes(temp.File("a/model.onnx")), File.ReadAllBytes(temp.File("b/model.onnx")));
    }

    [Fact]
    public void Convert_WhenInputDeclaredWithSymbolicBatch_VerifiesAtEveryBatchOfTheReference()
    {
        using var temp = new TempFolder();
        var output = temp.File("cnn.onnx");

        var result = CliRunner.Run("convert", CliRunner.Fixture("cnn/cnn.onnx"), "-o", output,
            "--input", "x: float32[n,3,16,16]", "--reference", CliRunner.Fixture("cnn/cnn.ref.npz"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var inspect = CliRunner.Run("inspect", output, "--json");
        Assert.Contains("\"n\"", inspect.Stdout);
    }

    [Fact]
    public void Convert_WhenGateFails_LeavesNoArtifact()
    {
        using var temp = new TempFolder();

        var result = CliRunner.Run("convert", CliRunner.Fixture("finetune/template.onnx"), "-o", temp.File("out.onnx"),
            "--reference", CliRunner.Fixture("finetune/finetuned.ref.npz"), "--report", temp.File("report/report.json"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error MBLD3001", result.Stderr);
        Assert.Equal(new[] { "report", Path.Combine("report", "report.json"), Path.Combine("report", "report.md") }, temp.Entries());
    }

    [Fact]
    public void Convert_WhenOptimizedWithOrtBasic_StillPassesTheGate()
    {
        using var temp = new TempFolder();
        var output = temp.File("cnn.opt.onnx");

        var result = CliRunner.Run("convert", CliRunner.Fixture("cnn/cnn.onnx"), "-o", output, "--optimize", "basic",
            "--reference", CliRunner.Fixture("cnn/cnn.ref.npz"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(output));
    }

    [Theory]
    [InlineData("--targets", "tflite2", "MBLD1005", 2)]
    [InlineData("--opset", "zero", "MBLD1005", 2)]
    [InlineData("--input", "x float32[1]", "MBLD1004", 2)]
    [InlineData("--atol", "big", "MBLD1005", 2)]
    [InlineData("--bogus", "1", "MBLD1001", 2)]
    public void Convert_WhenOptionIsInvalid_ExitsWithItsCode(string option, string value, string code, int exit)
    {
        using var temp = new TempFolder();

        var result = CliRunner.Run("convert", CliRunner.Fixture("mlp/mlp.onnx"), "-o", temp.File("out.onnx"), option, value);

        Assert.True(result.ExitCode == exit, result.ToString());
        Assert.Contains($"error {code}:", result.Stderr);
        Assert.Empty(temp.Entries());
    }

    [Fact]
    public void Convert_WhenOnnxAndOrtAreAsked_WritesBothIntoTheFolderEachVerified()
    {
        using var temp = new TempFolder();
        var output = temp.File("out");

        var result = CliRunner.Run("convert", CliRunner.Fixture("cnn/cnn.onnx"), "--targets", "onnx,ort", "-o", output,
            "--reference", CliRunner.Fixture("cnn/cnn.ref.npz"), "--report", temp.File("report.json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(new[] { "out", Path.Combine("out", "cnn.onnx"), Path.Combine("out", "cnn.ort"), Path.Combine("out", "cnn.signature.json"), "report.json", "report.md" }, temp.Entries());
        Assert.Matches(@"\| onnx \| verified \(onnxruntime [0-9.]+, max abs diff [0-9.e+-]+ vs cnn\.ref\.npz\) \| cnn\.onnx \|", result.Stdout);
        Assert.Matches(@"\| ort \| verified \(onnxruntime [0-9.]+, max abs diff [0-9.e+-]+ vs the ONNX artifact\) \| cnn\.ort \|", result.Stdout);
        using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(temp.File("report.json")));
        var targets = report.RootElement.GetProperty("targets");
        Assert.Equal(new[] { "onnx", "ort" }, targets.EnumerateArray().Select(t => t.GetProperty("target").GetString()));
        Assert.All(targets.EnumerateArray(), t => Assert.Equal("verified", t.GetProperty("status").GetString()));
        Assert.True(targets[1].GetProperty("maxAbsDiff").GetDouble() <= 1e-5);
        Assert.Matches("^[0-9]+$", targets[1].GetProperty("properties").GetProperty("ortFormatVersion").GetString());
        Assert.Contains("| ort | verified", File.ReadAllText(temp.File("report.md")));
    }

    [Fact]
    public void Convert_WhenOnnxAndOrtAreConvertedTwice_BothAreByteIdentical()
    {
        using var temp = new TempFolder();
        string[] Convert(string output) =>
            ["convert", CliRunner.Fixture("cnn/cnn.onnx"), "--targets", "onnx,ort", "-o", output, "--reference", CliRunner.Fixture("cnn/cnn.ref.npz")];

        Assert.Equal(0, CliRunner.Run(Convert(temp.File("a"))).ExitCode);
        Assert.Equal(0, CliRunner.Run(Convert(temp.File("b"))).ExitCode);

        Assert.Equal(File.ReadAllBytes(temp.File("a/cnn.onnx")), File.ReadAllBytes(temp.File("b/cnn.onnx")));
        // Within one process ONNX Runtime's own .ort would agree too (its hash seed is per process);
        // ProcessTests checks the .ort across two processes.
        Assert.Equal(File.ReadAllBytes(temp.File("a/cnn.ort")), File.ReadAllBytes(temp.File("b/cnn.ort")));
    }

    [Fact]
    public void Convert_WhenTensorRtIsAskedWithoutTrtexec_WarnsSkipsItAndWritesTheRest()
    {
        // This machine has no TensorRT; where one is installed the target is built instead and this test does not apply.
        if (ModelBuild.Core.Exporters.TensorRt.TrtexecLocator.Locate(ModelBuild.Core.Exporters.ToolEnvironment.Current, null).Path is not null) return;
        using var temp = new TempFolder();

        var result = CliRunner.Run("convert", CliRunner.Fixture("cnn/cnn.onnx"), "--targets", "onnx,tensorrt", "-o", temp.File("out"),
            "--reference", CliRunner.Fixture("cnn/cnn.ref.npz"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("cnn.onnx: warning MBLD1007: target 'tensorrt' skipped: trtexec not found; searched", result.Stderr);
        Assert.Contains("apt install libnvinfer-bin", result.Stderr);
        Assert.Contains("| tensorrt | not checked (trtexec not found;", result.Stdout);
        Assert.Equal(new[] { "out", Path.Combine("out", "cnn.onnx"), Path.Combine("out", "cnn.signature.json") }, temp.Entries());

        var locked = CliRunner.Run("convert", CliRunner.Fixture("cnn/cnn.onnx"), "--targets", "onnx,tensorrt", "-o", temp.File("locked"),
            "--reference", CliRunner.Fixture("cnn/cnn.ref.npz"), "--locked");
        Assert.True(locked.ExitCode == 2, locked.ToString());
        Assert.Contains("error MBLD1007", locked.Stderr);

        var optional = CliRunner.Run("convert", CliRunner.Fixture("cnn/cnn.onnx"), "--targets", "onnx,tensorrt", "-o", temp.File("optional"),
            "--reference", CliRunner.Fixture("cnn/cnn.ref.npz"), "--locked", "--optional-targets", "tensorrt");
        Assert.True(optional.ExitCode == 0, optional.ToString());
    }

    [Fact]
    public void Convert_WhenNoVerify_StillPrintsEveryTargetAsNotChecked()
    {
        using var temp = new TempFolder();

        var result = CliRunner.Run("convert", CliRunner.Fixture("cnn/cnn.onnx"), "--targets", "onnx,ort", "-o", temp.File("out"), "--no-verify");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("| onnx | not checked (--no-verify) | cnn.onnx |", result.Stdout);
        Assert.Contains("| ort | not checked (--no-verify) | cnn.ort |", result.Stdout);
    }
}
