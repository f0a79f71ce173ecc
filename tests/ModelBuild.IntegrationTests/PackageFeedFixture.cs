using System.Globalization;

namespace ModelBuild.IntegrationTests;

/// <summary>
/// Packs ModelBuild once per test run, with a unique prerelease version, into a temporary feed, and builds
/// the fake converter. The version is unique because NuGet silently keeps an extracted package of the same
/// version, and a stale task assembly would test the wrong code.
/// </summary>
public sealed class PackageFeedFixture : IDisposable
{
    public PackageFeedFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "modelbuild-it-" + Guid.NewGuid().ToString("N")[..8]);
        Feed = Path.Combine(Root, "feed");
        Packages = Path.Combine(Root, "packages");
        Directory.CreateDirectory(Feed);
        Version = "0.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

        var fake = ProcessRunner.Run("dotnet", ["build", Path.Combine(RepositoryPaths.Root, "tests", "ModelBuild.FakeCli"), "-c", "Debug", "-tl:off", "-v:q", "-nologo"], RepositoryPaths.Root);
        if (fake.ExitCode != 0) throw new InvalidOperationException("building the fake converter failed: " + fake);
        FakeConverter = Path.Combine(RepositoryPaths.Root, "tests", "ModelBuild.FakeCli", "bin", "Debug", "net10.0", "ModelBuild.FakeCli.dll");

        // Only this machine's ONNX Runtime natives: packing four RIDs triples the pack time for nothing here.
        var pack = ProcessRunner.Run("dotnet", ["pack", Path.Combine(RepositoryPaths.Root, "src", "ModelBuild.Tasks"), "-c", "Debug", "-o", Feed,
            "-p:Version=" + Version, "-p:ModelBuildPackRuntimes=linux-x64", "-tl:off", "-v:q", "-nologo"], RepositoryPaths.Root);
        if (pack.ExitCode != 0) throw new InvalidOperationException("packing ModelBuild failed: " + pack);
        Package = Path.Combine(Feed, $"ModelBuild.{Version}.nupkg");
        if (!File.Exists(Package)) throw new InvalidOperationException("pack made no " + Package + ": " + pack);
    }

    /// <summary>Temporary folder holding the feed, the packages folder and every consumer project.</summary>
    public string Root { get; }

    public string Feed { get; }

    /// <summary>One NuGet packages folder for the run: restores after the first are local.</summary>
    public string Packages { get; }

    public string Version { get; }

    public string Package { get; }

    public string FakeConverter { get; }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("MODELBUILD_KEEP_TEST_FOLDERS") == "1") return;
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finishing build; the temp folder is cleaned by the OS eventually.
        }
    }
}
