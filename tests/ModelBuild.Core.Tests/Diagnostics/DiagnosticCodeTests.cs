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

        var undocumented = DiagnosticCode.All.Select(c => c.Id).Where(id => !documented.Contains(id)).ToArray();
        var unknown = documented.Where(id => DiagnosticCode.All.All(c => c.Id != id)).ToArray();
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
