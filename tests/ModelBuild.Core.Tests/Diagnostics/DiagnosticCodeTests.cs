using System.Text.RegularExpressions;
using ModelBuild.Core.Diagnostics;

namespace ModelBuild.Core.Tests.Diagnostics;

public sealed class DiagnosticCodeTests
{
    [Fact]
    public void All_WhenListed_HasUniqueWellFormedIds()
    {
        Assert.NotEmpty(DiagnosticCode.All);
        Assert.All(DiagnosticCode.All, c => Assert.Matches("^MBLD[1-59][0-9]{3}$", c.Id));
        Assert.Equal(DiagnosticCode.All.Count, DiagnosticCode.All.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void All_WhenDocumented_EveryCodeHasADocsEntryAndEveryEntryACode()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "diagnostics.md"));
        var documented = Regex.Matches(docs, @"^## (MBLD\d{4})", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();

        // The MSBuild tasks keep their own table (netstandard2.0, no reference to Core); their codes share the docs.
        var taskCodes = Regex.Matches(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "ModelBuild.Tasks", "Diagnostics", "TaskDiagnosticCode.cs")), "\"(MBLD\\d{4})\"")
            .Select(m => m.Groups[1].Value).ToHashSet();
        var known = DiagnosticCode.All.Select(c => c.Id).Concat(taskCodes).ToHashSet();
        var undocumented = known.Where(id => !documented.Contains(id)).Order(StringComparer.Ordinal).ToArray();
        var unknown = documented.Where(id => !known.Contains(id)).ToArray();
        Assert.Empty(DiagnosticCode.All.Select(c => c.Id).Intersect(taskCodes));
        Assert.True(undocumented.Length == 0, "codes without a docs entry: " + string.Join(", ", undocumented));
        Assert.True(unknown.Length == 0, "docs entries without a code: " + string.Join(", ", unknown));
    }

    [Theory]
    [InlineData('1', ExitCode.InvalidInput)]
    [InlineData('9', ExitCode.Internal)]
    public void All_WhenInRange_UseTheRangesExitCode(char range, ExitCode exit)
    {
        Assert.All(DiagnosticCode.All.Where(c => c.Id[4] == range), c => Assert.Equal(exit, c.Exit));
    }

    [Fact]
    public void Format_WhenMessageHasLineBreaks_StaysOnOneCanonicalLine()
    {
        var line = Diagnostic.Format("models/net.onnx", "error", DiagnosticCode.GraphInvalid, "first\nsecond");

        Assert.Equal("models/net.onnx: error MBLD1122: first second", line);
    }
}
