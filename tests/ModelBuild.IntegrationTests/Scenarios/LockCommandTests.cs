using System.Text.RegularExpressions;

namespace ModelBuild.IntegrationTests.Scenarios;

/// <summary>
/// <c>modelbuild lock</c> (the converter packed in the package, as a user runs it) on a project built once,
/// and ConverterVersions ranges in the build (NuGet.Versioning loaded beside the task in MSBuild's process).
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class LockCommandTests(PackageFeedFixture feed)
{
    private const string Locked = "-p:ContinuousIntegrationBuild=true";

    [Fact]
    public void Lock_AfterOneBuild_ListsAssetsReportsDriftAndUpdates()
    {
        var project = ConsumerProject.Create(feed, "lockcmd")
            .Model("models/net.onnx", "mlp/mlp.onnx")
            .Item("<ModelAsset Include=\"models/net.onnx\" Inputs=\"x: float32[batch,16]\" />")
            .Save();
        var build = project.Build();
        Assert.True(build.Succeeded, build.ToString());
        var lockFile = Path.Combine(project.Directory, "models.lock.json");
        var written = File.ReadAllText(lockFile);

        var clean = Lock(project);
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Contains("models/net.onnx", clean.Output);
        Assert.Contains("x: float32[batch,16]", clean.Output);
        Assert.Contains("no drift", clean.Output);

        // The artifact of the last build no longer matches the lock: what a non-deterministic converter would do.
        File.AppendAllText(Path.Combine(project.Directory, "obj", "modelbuild", "Net", "net.onnx"), "changed");
        var drifted = Lock(project);
        Assert.True(drifted.ExitCode == 1, drifted.ToString());
        Assert.Equal(["MBLD4004"], Codes(drifted));
        Assert.Contains("modelbuild lock --update", drifted.Output);
        Assert.Equal(written, File.ReadAllText(lockFile));

        var updated = Lock(project, "--update");
        Assert.True(updated.ExitCode == 0, updated.ToString());
        Assert.NotEqual(written, File.ReadAllText(lockFile));
        Assert.Equal(0, Lock(project).ExitCode);

        // An input newer than the last conversion: the artifacts are not this project's any more.
        File.SetLastWriteTimeUtc(Path.Combine(project.Directory, "models", "net.onnx"), DateTime.UtcNow.AddMinutes(1));
        var stale = Lock(project, "--update");
        Assert.True(stale.ExitCode == 2, stale.ToString());
        Assert.Equal(["MBLD4008"], Codes(stale));
    }

    [Fact]
    public void Build_WhenLockedConverterVersionIsInsideConverterVersions_IsNotDrift()
    {
        var project = ConsumerProject.Create(feed, "converterversions")
            .Model("models/net.onnx", "mlp/mlp.onnx")
            .Item("<ModelAsset Include=\"models/net.onnx\" ConverterVersions=\"[0.1,0.2)\" />")
            .Save();
        Assert.True(project.Build().Succeeded);
        var lockFile = Path.Combine(project.Directory, "models.lock.json");
        var converter = Regex.Match(File.ReadAllText(lockFile), "\"converter\": \"([^\"]*)\"").Groups[1].Value;
        Assert.StartsWith("0.1.", converter);
        // As if the lock had been written by a patch release of the converter: same bytes, another version.
        File.WriteAllText(lockFile, File.ReadAllText(lockFile).Replace($"\"converter\": \"{converter}\"", "\"converter\": \"0.1.99\""));

        var inRange = project.Build(Locked);
        Assert.True(inRange.Succeeded, inRange.ToString());
        // The command reads the range too (NuGet.Versioning comes from the SDK there, through the Locator).
        var command = Lock(project);
        Assert.True(command.ExitCode == 0, command.ToString());

        project.ClearItems().Item("<ModelAsset Include=\"models/net.onnx\" ConverterVersions=\"[0.2,0.3)\" />").Save();
        var outOfRange = project.Build(Locked);
        Assert.False(outOfRange.Succeeded);
        Assert.Equal(["MBLD4005"], outOfRange.ErrorCodes);
        Assert.Contains("outside ConverterVersions", outOfRange.Errors.Single().Text);
        var commandOutOfRange = Lock(project);
        Assert.True(commandOutOfRange.ExitCode == 1, commandOutOfRange.ToString());
        Assert.Equal(["MBLD4005"], Codes(commandOutOfRange));

        project.ClearItems().Item("<ModelAsset Include=\"models/net.onnx\" ConverterVersions=\"[0.2\" />").Save();
        var invalid = project.Build(Locked);
        Assert.Equal(["MBLD1212"], invalid.ErrorCodes);
    }

    private ProcessResult Lock(ConsumerProject project, params string[] arguments)
    {
        var cli = Path.Combine(feed.Packages, "modelbuild", feed.Version, "tools", "net10.0", "any", "modelbuild.dll");
        Assert.True(File.Exists(cli), "the packed converter is not at " + cli);
        return ProcessRunner.Run("dotnet", [cli, "lock", "--project", project.ProjectFile, .. arguments], project.Directory);
    }

    private static string[] Codes(ProcessResult result) =>
        Regex.Matches(result.Output, @": error (MBLD\d{4}):").Select(m => m.Groups[1].Value).Distinct().ToArray();
}
