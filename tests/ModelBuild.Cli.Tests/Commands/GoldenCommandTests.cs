using ModelBuild.Core.Tensors.Numpy;

namespace ModelBuild.Cli.Tests.Commands;

public sealed class GoldenCommandTests
{
    [PythonTorchFact]
    public void Golden_WhenTracedModel_WritesReferenceThatTheConvertedStateDictPasses()
    {
        using var temp = new TempFolder();
        var reference = temp.File("ref.npz");

        var golden = CliRunner.Run("golden", CliRunner.Fixture("finetune/finetuned.traced.pt"), "--input", "x: float32[2,1,8,8]", "-o", reference, "--seed", "7");

        Assert.True(golden.ExitCode == 0, golden.ToString());
        Assert.Equal(["input.x", "output.output"], NpzReader.Read(reference).Select(t => t.Name));
        var convert = CliRunner.Run("convert", CliRunner.Fixture("finetune/finetuned.state_dict.pt"), "--architecture", CliRunner.Fixture("finetune/template.onnx"),
            "--reference", reference, "-o", temp.File("out.onnx"));
        Assert.True(convert.ExitCode == 0, convert.ToString());
    }

    [Fact]
    public void Golden_WhenNamedPythonCannotImportTorch_ExitsTwoWithMbld1160AndWritesNothing()
    {
        using var temp = new TempFolder();

        var result = CliRunner.Run("golden", CliRunner.Fixture("finetune/finetuned.traced.pt"), "--input", "x: float32[2,1,8,8]", "-o", temp.File("ref.npz"), "--python", "/bin/false");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error MBLD1160", result.Stderr);
        Assert.Empty(temp.Entries());
    }

    [Fact]
    public void Golden_WhenSourceIsAStateDict_ExitsThreeBeforeStartingPython()
    {
        using var temp = new TempFolder();

        var result = CliRunner.Run("golden", CliRunner.Fixture("finetune/finetuned.state_dict.pt"), "--input", "x: float32[2,1,8,8]", "-o", temp.File("ref.npz"), "--python", "/bin/false");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("error MBLD2002", result.Stderr);
    }

    [Fact]
    public void Golden_WhenHelp_DocumentsPythonSearchOrder()
    {
        var result = CliRunner.Run("golden", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("MODELBUILD_PYTHON", result.Stdout);
        Assert.Contains("--seed", result.Stdout);
    }
}
