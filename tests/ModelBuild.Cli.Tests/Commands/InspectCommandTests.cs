namespace ModelBuild.Cli.Tests.Commands;

public sealed class InspectCommandTests
{
    [Theory]
    [InlineData("finetune/finetuned.state_dict.pt", "pytorch-zip")]
    [InlineData("finetune/finetuned.legacy.pt", "pytorch-legacy")]
    [InlineData("finetune/finetuned.traced.pt", "pytorch-torchscript")]
    public void Inspect_WhenPyTorchFile_ListsFormatAndTensors(string fixture, string format)
    {
        var result = CliRunner.Run("inspect", CliRunner.Fixture(fixture));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($": {format}", result.Stdout);
        Assert.Contains("fc.weight: float32[10,256] (10240 bytes)", result.Stdout);
    }

    [Fact]
    public void Inspect_WhenWholeModuleJson_ListsClassesAndVersion()
    {
        var result = CliRunner.Run("inspect", CliRunner.Fixture("finetune/finetuned.module.pt"), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("\"archiveVersion\": 3", result.Stdout);
        Assert.Contains("\"__main__.SmallClassifier\"", result.Stdout);
    }
}
