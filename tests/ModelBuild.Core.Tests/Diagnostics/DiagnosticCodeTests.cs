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

        Assert.Empty(DiagnosticCode.All.Select(c => c.Id).Where(id => !documented.Contains(id)));
        Assert.Empty(documented.Where(id => DiagnosticCode.All.All(c => c.Id != id)));
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
