using ModelBuild.Core.Exporters;
using ModelBuild.Core.Exporters.TfLite;

namespace ModelBuild.Core.Tests.Exporters.TfLite;

/// <summary>Where Core looks for Node and the LiteRT.js runner, and what it says when either is missing.</summary>
public sealed class TfLiteRuntimeLocateTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "modelbuild-locate-" + Guid.NewGuid().ToString("N"));

    public TfLiteRuntimeLocateTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private string Folder(string name, bool runMjs, bool package)
    {
        var folder = Path.Combine(_root, name);
        Directory.CreateDirectory(folder);
        if (runMjs) File.WriteAllText(Path.Combine(folder, "run.mjs"), "// fake");
        if (package)
        {
            var core = Path.Combine(folder, "node_modules", "@litertjs", "core");
            Directory.CreateDirectory(core);
            File.WriteAllText(Path.Combine(core, "package.json"), """{ "name": "@litertjs/core", "version": "9.8.7" }""");
        }
        return folder;
    }

    /// <summary>A PATH holding only a fake (empty, never run) node; Locate only checks that it exists.</summary>
    private ToolEnvironment Tools(string? runnerVariable, bool withNode = true)
    {
        var bin = Path.Combine(_root, "bin");
        Directory.CreateDirectory(bin);
        if (withNode) File.WriteAllText(Path.Combine(bin, OperatingSystem.IsWindows() ? "node.exe" : "node"), "");
        return new ToolEnvironment(name => name switch
        {
            "PATH" => bin,
            TfLiteRuntime.EnvironmentVariable => runnerVariable,
            _ => null,
        }, []);
    }

    [Fact]
    public void Locate_WhenExplicitFolderIsInstalled_FindsItAndReadsThePackageVersion()
    {
        var explicitFolder = Folder("explicit", runMjs: true, package: true);
        var fromEnv = Folder("env", runMjs: true, package: true);

        var found = TfLiteRuntime.Locate(explicitFolder, Tools(fromEnv));

        Assert.True(found.Found, found.MissingReason);
        Assert.Equal(explicitFolder, found.RunnerFolder);
        Assert.Equal("litert.js 9.8.7", found.Runtime);
    }

    [Fact]
    public void Locate_WhenNoExplicitFolder_UsesTheEnvironmentVariable()
    {
        var fromEnv = Folder("env", runMjs: true, package: true);

        var found = TfLiteRuntime.Locate(null, Tools(fromEnv));

        Assert.True(found.Found, found.MissingReason);
        Assert.Equal(fromEnv, found.RunnerFolder);
    }

    [Fact]
    public void Locate_WhenNothingIsGiven_LooksBesideTheConverter()
    {
        var found = TfLiteRuntime.Locate(null, Tools(null));

        // The test assembly's folder has no tflite-runner/: the message names where it looked.
        Assert.False(found.Found);
        Assert.Contains(Path.Combine(AppContext.BaseDirectory, "tflite-runner"), found.MissingReason);
        Assert.Contains("the converter's folder", found.MissingReason);
    }

    [Fact]
    public void Locate_WhenPackageIsNotInstalled_SaysToRunNpmCiThere()
    {
        var folder = Folder("bare", runMjs: true, package: false);

        var found = TfLiteRuntime.Locate(folder, Tools(null));

        Assert.False(found.Found);
        Assert.Equal($"no TFLite runtime: @litertjs/core is not installed in {folder}", found.MissingReason);
        Assert.Equal($"run 'npm ci --prefix {folder}'", found.MissingHint);
    }

    [Fact]
    public void Locate_WhenNodeIsNotOnPath_SaysToInstallNode()
    {
        var folder = Folder("ok", runMjs: true, package: true);

        var found = TfLiteRuntime.Locate(folder, Tools(null, withNode: false));

        Assert.False(found.Found);
        Assert.Equal("no TFLite runtime: node is not on PATH", found.MissingReason);
        Assert.Contains("Node.js >= 20", found.MissingHint);
    }
}
