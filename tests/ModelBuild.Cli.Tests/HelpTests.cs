namespace ModelBuild.Cli.Tests;

public sealed class HelpTests
{
    [Theory]
    [InlineData("convert")]
    [InlineData("verify")]
    [InlineData("inspect")]
    [InlineData("golden")]
    [InlineData("lock")]
    public void Verb_WhenAskedForHelp_PrintsItsUsageAndExitsZero(string verb)
    {
        var result = CliRunner.Run(verb, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith($"Usage: modelbuild {verb}", result.Stdout.TrimStart());
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Root_WhenNoVerb_PrintsTheVerbListAndExitsTwo()
    {
        var result = CliRunner.Run();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("convert", result.Stdout);
        Assert.Contains("golden", result.Stdout);
    }

    [Fact]
    public void Root_WhenVerbIsUnknown_ExitsTwoWithUsageCode()
    {
        var result = CliRunner.Run("transmogrify");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("modelbuild: error MBLD1001:", result.Stderr);
    }
}
