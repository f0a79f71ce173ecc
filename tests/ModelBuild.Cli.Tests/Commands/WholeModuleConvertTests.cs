namespace ModelBuild.Cli.Tests.Commands;

/// <summary>convert with torch.save(model) sources: standard torch.nn modules convert and pass the gate; other classes exit 3.</summary>
public sealed class WholeModuleConvertTests
{
    public static TheoryData<string, string> Fixtures()
    {
        var data = new TheoryData<string, string>
        {
            { "mlp", "x: float32[batch,8]" },
            { "cnn", "x: float32[batch,3,8,8]" },
            { "nested", "x: float32[batch,4,6]" },
            { "seq1d", "x: float32[batch,4,16]" },
        };
        // Every per-module fixture too, with the input its generator used (tests/fixtures/modules/generate.py).
        foreach (var (name, input) in new[]
        {
            ("linear", "float32[batch,6]"), ("linear_3d_nobias", "float32[batch,3,6]"), ("conv1d", "float32[batch,4,10]"),
            ("conv1d_same", "float32[batch,4,9]"), ("conv2d", "float32[batch,3,7,8]"), ("conv2d_valid_depthwise", "float32[batch,4,6,6]"),
            ("conv2d_same_even", "float32[batch,2,6,5]"), ("conv_transpose2d", "float32[batch,4,4,5]"), ("conv_transpose2d_groups", "float32[batch,4,3,4]"),
            ("batchnorm1d", "float32[batch,5,6]"), ("batchnorm1d_2d", "float32[batch,5]"), ("batchnorm2d", "float32[batch,3,4,4]"),
            ("batchnorm2d_batch_stats", "float32[batch,3,4,4]"), ("layernorm", "float32[batch,3,4,5]"), ("layernorm_no_affine", "float32[batch,3,5]"),
            ("relu", "float32[batch,3,5]"), ("relu6", "float32[batch,3,5]"), ("leaky_relu", "float32[batch,3,5]"), ("elu", "float32[batch,3,5]"),
            ("gelu", "float32[batch,3,5]"), ("gelu_tanh", "float32[batch,3,5]"), ("silu", "float32[batch,3,5]"), ("sigmoid", "float32[batch,3,5]"),
            ("tanh", "float32[batch,3,5]"), ("softmax", "float32[batch,3,5]"), ("log_softmax", "float32[batch,3,5]"), ("hardswish", "float32[batch,3,5]"),
            ("hardsigmoid", "float32[batch,3,5]"), ("dropout", "float32[batch,4]"), ("dropout2d", "float32[batch,2,3,3]"), ("identity", "float32[batch,4]"),
            ("flatten", "float32[batch,2,3,4]"), ("flatten_middle", "float32[batch,2,3,4]"), ("maxpool2d", "float32[batch,2,7,7]"),
            ("maxpool2d_dilation", "float32[batch,2,7,6]"), ("avgpool2d", "float32[batch,2,7,7]"), ("avgpool2d_include_pad", "float32[batch,2,5,6]"),
            ("adaptive_avgpool2d_global", "float32[batch,3,5,4]"), ("adaptive_avgpool2d", "float32[batch,2,4,6]"), ("embedding", "int64[batch,5]"),
            ("upsample_nearest", "float32[batch,2,3,4]"), ("upsample_bilinear", "float32[batch,2,3,4]"), ("upsample_bilinear_align", "float32[batch,2,3,4]"),
            ("sequential", "float32[batch,4]"),
        })
            data.Add($"ops/{name}", $"x: {input}");
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Convert_WhenWholeModuleOfStandardClasses_PassesTheGateAtTheDefaultTolerance(string fixture, string input)
    {
        using var temp = new TempFolder();
        var output = temp.File("out.onnx");

        var result = CliRunner.Run("convert", CliRunner.Fixture($"modules/{fixture}.pt"), "--input", input,
            "--reference", CliRunner.Fixture($"modules/{fixture}.ref.npz"), "-o", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("PASSED", result.Stdout);
        Assert.Contains("2 sets", result.Stdout);
        Assert.True(File.Exists(output));
    }

    [Fact]
    public void Convert_WhenWholeModuleHasCustomClasses_ExitsThreeListingThemAndWritesNothing()
    {
        using var temp = new TempFolder();
        var source = CliRunner.Fixture("modules/custom.pt");

        var result = CliRunner.Run("convert", source, "--input", "x: float32[batch,4]", "-o", temp.File("out.onnx"));

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith($"{source}: error MBLD2003: ", result.Stderr);
        Assert.Contains("__main__.Net at '(root)', __main__.Scale at 'features.1'", result.Stderr);
        Assert.Contains("torch.jit.trace(model, example).save(...)", result.Stderr);
        Assert.Empty(temp.Entries());
    }

    [Fact]
    public void Convert_WhenWholeModuleHasNoInput_ExitsTwoShowingTheInputSyntax()
    {
        using var temp = new TempFolder();

        var result = CliRunner.Run("convert", CliRunner.Fixture("modules/mlp.pt"), "-o", temp.File("out.onnx"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error MBLD1156: a pickled whole module (torch.nn.modules.container.Sequential) carries no input shape", result.Stderr);
        Assert.Contains("--input \"x: float32[batch,3,224,224]\"", result.Stderr);
        Assert.Empty(temp.Entries());
    }

    [Fact]
    public void Convert_WhenWholeModuleGivenWithArchitecture_ExitsTwoSayingToDropIt()
    {
        using var temp = new TempFolder();

        var result = CliRunner.Run("convert", CliRunner.Fixture("modules/mlp.pt"), "--input", "x: float32[batch,8]",
            "--architecture", CliRunner.Fixture("finetune/template.onnx"), "-o", temp.File("out.onnx"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error MBLD1005: --architecture applies to weights-only sources", result.Stderr);
    }
}
