namespace ModelBuild.Core.Tests;

/// <summary>
/// Dependencies only point down: Tensors ← Graph ← {Importers, Passes, Exporters} ← Verification ← Pipeline.
/// Importers never see exporters, and ONNX Runtime stays inside the folders that run models. Checked on the
/// source text, so a fully qualified name cannot slip past a missing <c>using</c>.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly string[] Layers = ["Tensors", "Graph", "Importers", "Passes", "Exporters", "Verification", "Pipeline"];

    /// <summary>Folders of ModelBuild.Core each layer must not name.</summary>
    public static TheoryData<string, string[]> Forbidden() => new()
    {
        { "Diagnostics", Layers },
        { "Caching", Layers },
        { "Tensors", ["Graph", "Importers", "Passes", "Exporters", "Verification", "Pipeline"] },
        { "Graph", ["Importers", "Passes", "Exporters", "Verification", "Pipeline"] },
        { "Importers", ["Exporters", "Passes", "Verification", "Pipeline"] },
        { "Passes", ["Importers", "Exporters", "Verification", "Pipeline"] },
        { "Exporters", ["Importers", "Passes", "Verification", "Pipeline"] },
        { "Verification", ["Importers", "Passes", "Exporters", "Pipeline"] },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void Layer_WhenItsSourcesAreRead_NamesNoLayerAboveIt(string layer, string[] forbidden)
    {
        var offenders = SourcesOf(layer)
            .SelectMany(file => forbidden
                .Where(f => File.ReadLines(file).Any(line => !line.TrimStart().StartsWith("namespace ", StringComparison.Ordinal) && line.Contains($"ModelBuild.Core.{f}")))
                .Select(f => $"{Path.GetRelativePath(RepositoryRoot.Path, file)} uses {f}"))
            .ToArray();

        Assert.True(offenders.Length == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void OnnxRuntime_WhenReferenced_OnlyFromFoldersThatRunModels()
    {
        string[] allowed = ["Verification", Path.Combine("Exporters", "Ort")];
        var core = Path.Combine(RepositoryRoot.Path, "src", "ModelBuild.Core");
        var offenders = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Where(f => !allowed.Any(a => Path.GetRelativePath(core, f).StartsWith(a + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            .Where(f => File.ReadAllText(f).Contains("Microsoft.ML.OnnxRuntime", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f))
            .ToArray();

        Assert.True(offenders.Length == 0, string.Join("\n", offenders));
    }

    private static IEnumerable<string> SourcesOf(string layer)
    {
        var folder = Path.Combine(RepositoryRoot.Path, "src", "ModelBuild.Core", layer);
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories) : [];
    }
}
