namespace ModelBuild.Cli.Tests.Commands;

/// <summary>
/// Usage errors of <c>modelbuild lock</c>, found before MSBuild is located. The command on a built project is
/// tested end to end in ModelBuild.IntegrationTests (LockCommandTests), with the packed converter.
/// </summary>
public sealed class LockCommandTests
{
    [Fact]
    public void Lock_WhenProjectDoesNotExist_ExitsTwoWithFileNotFound()
    {
        using var temp = new TempFolder();

        var result = CliRunner.Run("lock", "--project", temp.File("missing.csproj"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error MBLD1002:", result.Stderr);
    }

    [Fact]
    public void Lock_WhenFolderHasTwoProjects_AsksWhichOne()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("a.csproj"), "<Project />");
        File.WriteAllText(temp.File("b.csproj"), "<Project />");

        var result = CliRunner.Run("lock", "--project", temp.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error MBLD1001:", result.Stderr);
        Assert.Contains("a.csproj, b.csproj", result.Stderr);
    }

    [Fact]
    public void Lock_WhenPropertyIsMalformed_ExitsTwo()
    {
        var result = CliRunner.Run("lock", "-p:NoValue");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error MBLD1001:", result.Stderr);
    }
}
