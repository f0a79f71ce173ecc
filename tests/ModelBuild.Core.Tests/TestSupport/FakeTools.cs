using System.Text.Json;
using ModelBuild.Core.Exporters;

namespace ModelBuild.Core.Tests.TestSupport;

/// <summary>
/// A private PATH folder holding the C# fake trtexec (tests/ModelBuild.Fakes.Trtexec) and, optionally, a fake
/// nvidia-smi: the same app host under two names. <see cref="Environment"/> sees only this folder, so a real
/// TensorRT elsewhere on the machine never changes a test's outcome.
/// </summary>
public sealed class FakeTools : IDisposable
{
    private readonly TempDirectory _temp = new();

    public FakeTools(string? trtexecVersion = "100300", bool gpu = true)
    {
        Bin = Directory.CreateDirectory(System.IO.Path.Combine(_temp.Path, "bin")).FullName;
        var built = BuiltFakeFolder();
        foreach (var file in new[] { "trtexec.dll", "trtexec.runtimeconfig.json", "trtexec.deps.json" })
            File.Copy(System.IO.Path.Combine(built, file), System.IO.Path.Combine(Bin, file));
        if (trtexecVersion is not null)
        {
            CopyHost(built, "trtexec");
            Configure("trtexec.version", trtexecVersion);
        }
        if (gpu) CopyHost(built, "nvidia-smi");
    }

    /// <summary>The folder the fakes are in; the only PATH entry of <see cref="Environment"/>.</summary>
    public string Bin { get; }

    public string Trtexec => System.IO.Path.Combine(Bin, "trtexec");

    /// <summary>A scratch folder beside <see cref="Bin"/> for models, outputs and caches.</summary>
    public string Work => Directory.CreateDirectory(System.IO.Path.Combine(_temp.Path, "work")).FullName;

    public ToolEnvironment Environment => new(name => name == "PATH" ? Bin : null, []);

    /// <summary>Sets one <c>fake-tools.txt</c> key (see the fake's Program).</summary>
    public void Configure(string key, string value) =>
        File.AppendAllText(System.IO.Path.Combine(Bin, "fake-tools.txt"), $"{key}={value}\n");

    /// <summary>Every call of <paramref name="tool"/> so far, each as its argument list.</summary>
    public IReadOnlyList<string[]> Calls(string tool)
    {
        var log = System.IO.Path.Combine(Bin, tool + ".calls.jsonl");
        if (!File.Exists(log)) return [];
        return File.ReadAllLines(log).Select(l => JsonSerializer.Deserialize<string[]>(l)!).ToArray();
    }

    public void Dispose() => _temp.Dispose();

    private void CopyHost(string built, string name)
    {
        var target = System.IO.Path.Combine(Bin, name);
        File.Copy(System.IO.Path.Combine(built, "trtexec"), target);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(target, File.GetUnixFileMode(target) | UnixFileMode.UserExecute);
    }

    /// <summary>The fake's build output, in the same configuration and framework folder as this test assembly.</summary>
    private static string BuiltFakeFolder()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar));
        var framework = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var folder = System.IO.Path.Combine(RepositoryRoot.Path, "tests", "ModelBuild.Fakes.Trtexec", "bin", configuration, framework);
        if (!File.Exists(System.IO.Path.Combine(folder, "trtexec.dll")))
            throw new InvalidOperationException($"the fake trtexec is not built at '{folder}'; build tests/ModelBuild.Fakes.Trtexec");
        return folder;
    }
}
