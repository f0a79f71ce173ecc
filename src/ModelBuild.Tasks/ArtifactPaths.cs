using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ModelBuild.Tasks;

/// <summary>
/// The one rule for where a conversion's files go, used both to predict outputs before the converter runs
/// and to check afterwards that it made them: <c>&lt;folder&gt;/&lt;model stem&gt;.&lt;target extension&gt;</c>,
/// which is where the converter puts them when given a folder.
/// </summary>
internal static class ArtifactPaths
{
    public static IReadOnlyList<string> For(string outputDirectory, string sourcePath, IEnumerable<string> targets)
    {
        var stem = Path.GetFileNameWithoutExtension(sourcePath);
        return targets.Where(TargetFormats.IsKnown)
            .Select(t => Path.Combine(outputDirectory, stem + TargetFormats.ExtensionOf(t)))
            .ToArray();
    }

    /// <summary>The I/O signature the converter writes beside the artifacts, read by the accessor generator.</summary>
    public static string SignatureFile(string outputDirectory, string sourcePath) =>
        Path.Combine(outputDirectory, Path.GetFileNameWithoutExtension(sourcePath) + ".signature.json");

    /// <summary>The equivalence-gate report (JSON, with a Markdown twin the converter writes beside it).</summary>
    public static string ReportFile(string outputDirectory, string sourcePath) =>
        Path.Combine(outputDirectory, Path.GetFileNameWithoutExtension(sourcePath) + ".report.json");
}
