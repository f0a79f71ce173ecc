using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ModelBuild.Tasks;

/// <summary>
/// The one rule for where a conversion's files go, used both to predict outputs before the converter runs
/// and to check afterwards what it made: <c>&lt;folder&gt;/&lt;model stem&gt;.&lt;target extension&gt;</c>
/// and the target's companions, which is where the converter puts them when given a folder.
/// </summary>
internal static class ArtifactPaths
{
    /// <summary>The main artifact of each known target, in the order of <paramref name="targets"/>.</summary>
    public static IReadOnlyList<string> For(string outputDirectory, string sourcePath, IEnumerable<string> targets) =>
        All(outputDirectory, sourcePath, targets).Where(a => !a.IsCompanion).Select(a => a.Path).ToArray();

    /// <summary>Every file or folder a conversion makes: main artifacts and their companions.</summary>
    public static IReadOnlyList<PredictedArtifact> All(string outputDirectory, string sourcePath, IEnumerable<string> targets)
    {
        var stem = Path.GetFileNameWithoutExtension(sourcePath);
        var result = new List<PredictedArtifact>();
        foreach (var target in targets.Where(TargetFormats.IsKnown))
        {
            result.Add(new PredictedArtifact(target, Path.Combine(outputDirectory, stem + TargetFormats.ExtensionOf(target)), TargetFormats.ExtensionOf(target), false, TargetFormats.IsFolder(target)));
            foreach (var companion in TargetFormats.CompanionsOf(target))
                result.Add(new PredictedArtifact(target, Path.Combine(outputDirectory, stem + companion), companion, true, false));
        }
        return result;
    }

    /// <summary>The I/O signature the converter writes beside the artifacts, read by the accessor generator.</summary>
    public static string SignatureFile(string outputDirectory, string sourcePath) =>
        Path.Combine(outputDirectory, Path.GetFileNameWithoutExtension(sourcePath) + ".signature.json");

    /// <summary>The equivalence-gate report (JSON, with a Markdown twin the converter writes beside it).</summary>
    public static string ReportFile(string outputDirectory, string sourcePath) =>
        Path.Combine(outputDirectory, Path.GetFileNameWithoutExtension(sourcePath) + ".report.json");

    /// <summary>Touched after every successful conversion: the convert target's Output, present even when a target was skipped.</summary>
    public static string ConvertedStamp(string outputDirectory) => Path.Combine(outputDirectory, "converted.stamp");

    public static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);
}
