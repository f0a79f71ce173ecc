using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security;
using System.Text;
using System.Text.Json;

namespace ModelBuild.IntegrationTests;

/// <summary>
/// A project that consumes ModelBuild exactly as a user's does: a PackageReference to the packed feed, its own
/// nuget.config and packages folder, ModelAsset items, and real <c>dotnet build</c> runs with binary logs.
/// By default the converter is the fake one (house rule 15), which records each call in <see cref="FakeLog"/>.
/// </summary>
internal sealed class ConsumerProject
{
    private readonly PackageFeedFixture _feed;
    private readonly List<string> _properties = [];
    private readonly List<string> _items = [];
    private readonly List<string> _packages = [];
    private string _targetFrameworks = "<TargetFramework>net10.0</TargetFramework>";
    private bool _modelBuildReference = true;
    private int _builds;

    private ConsumerProject(PackageFeedFixture feed, string name)
    {
        _feed = feed;
        Name = name;
        Directory = Path.Combine(feed.Root, name + "-" + Guid.NewGuid().ToString("N")[..6]);
        System.IO.Directory.CreateDirectory(Directory);
        FakeLog = Path.Combine(Directory, "converter-calls.jsonl");
        WriteNuGetConfig();
        Program("Console.WriteLine(\"hello\");");
    }

    public string Name { get; }

    public string Directory { get; }

    public string ProjectFile => Path.Combine(Directory, Name + ".csproj");

    public string FakeLog { get; }

    /// <summary>Environment for the builds; the fake converter reads MODELBUILD_FAKE_MODE from here.</summary>
    public Dictionary<string, string?> Environment { get; } = new();

    public static ConsumerProject Create(PackageFeedFixture feed, string name, bool fakeConverter = true)
    {
        var project = new ConsumerProject(feed, name);
        if (fakeConverter) project.Property("ModelBuildToolPath", feed.FakeConverter);
        return project;
    }

    public ConsumerProject Model(string relativePath, string fixture)
    {
        var target = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(RepositoryPaths.Fixture(fixture), target, overwrite: true);
        // File.Copy keeps the fixture's old timestamp; a user's edit or checkout gives the file a new one.
        File.SetLastWriteTimeUtc(target, DateTime.UtcNow);
        return this;
    }

    public ConsumerProject Property(string name, string value)
    {
        _properties.RemoveAll(p => p.StartsWith($"<{name}>", StringComparison.Ordinal));
        _properties.Add($"<{name}>{SecurityElement.Escape(value)}</{name}>");
        return this;
    }

    public ConsumerProject Item(string xml)
    {
        _items.Add(xml);
        return this;
    }

    public ConsumerProject ClearItems()
    {
        _items.Clear();
        return this;
    }

    public ConsumerProject Package(string id, string version)
    {
        _packages.Add($"<PackageReference Include=\"{id}\" Version=\"{version}\" />");
        return this;
    }

    public ConsumerProject TargetFrameworks(string frameworks)
    {
        _targetFrameworks = $"<TargetFrameworks>{frameworks}</TargetFrameworks>";
        return this;
    }

    public ConsumerProject WithoutModelBuild()
    {
        _modelBuildReference = false;
        return this;
    }

    public ConsumerProject Program(string code)
    {
        File.WriteAllText(Path.Combine(Directory, "Program.cs"), code);
        return this;
    }

    public ConsumerProject Save()
    {
        var text = new StringBuilder();
        text.AppendLine("<Project Sdk=\"Microsoft.NET.Sdk\">");
        text.AppendLine("  <PropertyGroup>");
        text.AppendLine("    <OutputType>Exe</OutputType>");
        text.AppendLine("    " + _targetFrameworks);
        text.AppendLine("    <ImplicitUsings>enable</ImplicitUsings>");
        text.AppendLine("    <Nullable>enable</Nullable>");
        text.AppendLine("    <ModelBuildAccessorNamespace>global</ModelBuildAccessorNamespace>");
        foreach (var property in _properties) text.AppendLine("    " + property);
        text.AppendLine("  </PropertyGroup>");
        text.AppendLine("  <ItemGroup>");
        if (_modelBuildReference) text.AppendLine($"    <PackageReference Include=\"ModelBuild\" Version=\"{_feed.Version}\" PrivateAssets=\"all\" />");
        foreach (var package in _packages) text.AppendLine("    " + package);
        text.AppendLine("  </ItemGroup>");
        text.AppendLine("  <ItemGroup>");
        foreach (var item in _items) text.AppendLine("    " + item);
        text.AppendLine("  </ItemGroup>");
        text.AppendLine("</Project>");
        File.WriteAllText(ProjectFile, text.ToString());
        return this;
    }

    /// <summary>Runs <c>dotnet &lt;verb&gt;</c> (build by default) with a binary log.</summary>
    public BuildRun Build(params string[] arguments) => Run("build", arguments);

    public BuildRun Run(string verb, params string[] arguments)
    {
        var binlog = Path.Combine(Directory, $"{++_builds:00}-{verb}.binlog");
        var env = new Dictionary<string, string?>(Environment) { ["MODELBUILD_FAKE_LOG"] = FakeLog };
        var result = ProcessRunner.Run("dotnet", [verb, ProjectFile, "-tl:off", "-v:n", "-nologo", "-bl:" + binlog, .. arguments], Directory, env);
        return new BuildRun(result, binlog);
    }

    /// <summary>The argument lists of every fake-converter run so far; the list is emptied.</summary>
    public IReadOnlyList<string[]> TakeConverterCalls()
    {
        if (!File.Exists(FakeLog)) return [];
        var calls = File.ReadAllLines(FakeLog)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("args").EnumerateArray().Select(a => a.GetString()!).ToArray())
            .ToArray();
        File.Delete(FakeLog);
        return calls;
    }

    public string OutputAssembly(string framework = "net10.0") => Path.Combine(Directory, "bin", "Debug", framework, Name + ".dll");

    /// <summary>Names of the manifest resources in the built assembly, read without loading it.</summary>
    public IReadOnlyList<string> ManifestResources(string framework = "net10.0")
    {
        using var stream = File.OpenRead(OutputAssembly(framework));
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.ManifestResources.Select(h => metadata.GetString(metadata.GetManifestResource(h).Name)).Order(StringComparer.Ordinal).ToArray();
    }

    public ProcessResult RunApp(string framework = "net10.0") =>
        ProcessRunner.Run("dotnet", [OutputAssembly(framework)], Directory);

    private void WriteNuGetConfig()
    {
        var sources = new StringBuilder();
        sources.AppendLine($"    <add key=\"modelbuild-test-feed\" value=\"{_feed.Feed}\" />");
        // Packages already on this machine (ONNX Runtime for the real-converter scenarios) come from local
        // folders when they exist, so a test run does not download 100 MB; the registry stays the fallback.
        var userPackages = Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var local in new[] { userPackages, "/opt/nuget/packages" }.Where(System.IO.Directory.Exists))
            sources.AppendLine($"    <add key=\"local-{Path.GetFileName(Path.GetDirectoryName(local))}\" value=\"{local}\" />");
        sources.AppendLine("    <add key=\"nuget.org\" value=\"https://api.nuget.org/v3/index.json\" />");
        File.WriteAllText(Path.Combine(Directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{_feed.Packages}" />
              </config>
              <packageSources>
                <clear />
            {sources}  </packageSources>
            </configuration>
            """);
    }
}
