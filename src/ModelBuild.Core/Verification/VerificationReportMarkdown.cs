using System.Globalization;
using System.Text;

namespace ModelBuild.Core.Verification;

/// <summary>
/// Writes <see cref="VerificationReport"/> for a person with ten seconds: the verdict on the first line, then
/// the per-output table, then what to change when it failed, then what it was checked against.
/// </summary>
public static class VerificationReportMarkdown
{
    internal static string Write(VerificationReport report)
    {
        var md = new StringBuilder();
        var code = report.Code is null ? "" : $" ({report.Code.Id})";
        var verdict = report.Status switch
        {
            VerificationStatus.Failed => "FAILED",
            VerificationStatus.NotChecked => "NOT CHECKED",
            _ => report.NearMiss ? "PASSED (near miss)" : "PASSED",
        };
        md.Append("**").Append(verdict).Append("**").Append(code).Append(": ").Append(Escape(report.SummaryLine())).Append('\n');
        md.Append('\n');

        if (report.Targets.Count > 0)
        {
            md.Append(TargetTable(report.Targets)).Append('\n');
        }

        var comparisons = report.Comparisons.ToList();
        if (comparisons.Count > 0)
        {
            md.Append("| set | output | status | max abs | max rel | cosine | mismatches | worst [index] expected → actual | min passing atol | min passing rtol |\n");
            md.Append("|---|---|---|---:|---:|---:|---:|---|---:|---:|\n");
            foreach (var (set, c) in comparisons)
            {
                var status = c.NearMiss ? "near miss" : c.Passed ? "pass" : $"**FAIL** ({Reason(c.Reason)})";
                var worst = c.Worst is { } w ? $"{NumberText.Index(w.Index)} {NumberText.Value(w.Expected)} → {NumberText.Value(w.Actual)}" : "—";
                md.Append("| ").Append(Escape(set))
                  .Append(" | ").Append(Escape(c.Name))
                  .Append(" | ").Append(status)
                  .Append(" | ").Append(NumberText.Short(c.MaxAbs))
                  .Append(" | ").Append(NumberText.Short(c.MaxRel))
                  .Append(" | ").Append(c.Cosine.ToString("0.000000", CultureInfo.InvariantCulture))
                  .Append(" | ").Append(c.MismatchCount.ToString(CultureInfo.InvariantCulture)).Append('/').Append(c.ElementCount.ToString(CultureInfo.InvariantCulture))
                  .Append(" | ").Append(worst)
                  .Append(" | ").Append(c.Exact ? "exact" : c.MinPassingAtol is { } a ? NumberText.ShortRoundedUp(a) : "—")
                  .Append(" | ").Append(c.Exact ? "exact" : c.MinPassingRtol is { } r ? NumberText.ShortRoundedUp(r) : "—")
                  .Append(" |\n");
            }
            md.Append('\n');
        }

        var hint = Hint(comparisons);
        if (hint is not null) md.Append("**Fix:** ").Append(hint).Append('\n').Append('\n');

        if (report.Issues.Count > 0)
        {
            md.Append("Problems:\n");
            foreach (var issue in report.Issues)
            {
                md.Append("- ").Append(issue.Code.Id).Append(": ");
                if (issue.Set is not null) md.Append('[').Append(Escape(issue.Set)).Append("] ");
                md.Append(Escape(issue.Message)).Append('\n');
            }
            md.Append('\n');
        }

        md.Append("- Model: `").Append(report.ModelPath).Append("`\n");
        md.Append("- Reference: ").Append(report.ReferenceKind switch
        {
            ReferenceKind.File => $"`{report.ReferenceFile}`",
            ReferenceKind.Model => $"baseline model `{report.ReferenceFile}`" + (report.Seed is { } s ? $" on seeded inputs (seed {s})" : ""),
            _ => $"none; seeded inputs (seed {report.Seed}); equivalence with the source was **not** checked",
        }).Append('\n');
        md.Append("- Tolerance: ").Append(report.Tolerance.Default);
        if (report.Tolerance.Overrides.Count > 0)
            md.Append("; overrides: ").Append(string.Join("; ", report.Tolerance.Overrides.Select(o => $"`{o.Key}` {o.Value}")));
        md.Append(" (element passes when |actual − expected| ≤ atol + rtol·|expected|)\n");
        foreach (var set in report.Sets)
            md.Append("- Inputs ").Append(Escape(set.Name)).Append(": ").Append(Escape(string.Join(", ", set.Inputs))).Append('\n');
        if (report.UnverifiedOutputs.Count > 0)
            md.Append("- Not compared (no reference values): ").Append(Escape(string.Join(", ", report.UnverifiedOutputs))).Append('\n');
        if (report.Fingerprint is not null) md.Append("- Output fingerprint: `").Append(report.Fingerprint).Append("`\n");
        md.Append("- ONNX Runtime ").Append(report.OrtVersion).Append(", CPU, graph optimizations disabled, 1 thread\n");
        md.Append("- Time: ").Append(report.Timings.TotalMs.ToString("0", CultureInfo.InvariantCulture)).Append(" ms (load ")
          .Append(report.Timings.LoadMs.ToString("0", CultureInfo.InvariantCulture)).Append(", run ")
          .Append(report.Timings.RunMs.ToString("0", CultureInfo.InvariantCulture)).Append(")\n");
        return md.ToString();
    }

    /// <summary>One row per target: its status in words and its files; shared by the report and <c>modelbuild convert</c>'s output.</summary>
    public static string TargetTable(IReadOnlyList<TargetVerification> targets)
    {
        var md = new StringBuilder();
        md.Append("| target | status | files |\n");
        md.Append("|---|---|---|\n");
        foreach (var t in targets)
        {
            md.Append("| ").Append(Escape(t.Target))
              .Append(" | ").Append(Escape(t.StatusText))
              .Append(" | ").Append(t.Files.Count == 0 ? "—" : Escape(string.Join(", ", t.Files)))
              .Append(" |\n");
        }
        return md.ToString();
    }

    /// <summary>
    /// The options that would make the failing outputs pass: a global <c>--atol</c> and the narrower per-output
    /// <c>Atol</c> entries, so the user can choose to loosen one output rather than all.
    /// </summary>
    private static string? Hint(List<(string Set, OutputComparison Comparison)> comparisons)
    {
        var failed = comparisons.Where(c => !c.Comparison.Passed).Select(c => c.Comparison).ToList();
        if (failed.Count == 0) return null;
        var fixable = failed.Where(c => c.MinPassingAtol is not null)
            .GroupBy(c => c.Name, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Atol: g.Max(c => c.MinPassingAtol!.Value)))
            .OrderBy(x => x.Name, StringComparer.Ordinal)
            .ToList();
        var parts = new List<string>();
        if (fixable.Count > 0)
        {
            var global = NumberText.ShortRoundedUp(fixable.Max(f => f.Atol));
            var entries = string.Join(";", fixable.Select(f => $"{f.Name}={NumberText.ShortRoundedUp(f.Atol)}"));
            parts.Add($"passes with `--atol {global}`, or add `{Escape(entries)}` to `Atol` to loosen only {(fixable.Count == 1 ? "that output" : "those outputs")}.");
        }
        var unfixable = failed.Where(c => c.MinPassingAtol is null).Select(c => c.Name).Distinct(StringComparer.Ordinal).ToList();
        if (unfixable.Count > 0)
            parts.Add($"No tolerance helps {string.Join(", ", unfixable.Select(n => $"`{Escape(n)}`"))}: exact (integer/bool), NaN/Inf, dtype or shape differences need a converter fix.");
        return string.Join(" ", parts);
    }

    private static string Reason(MismatchReason reason) => reason switch
    {
        MismatchReason.DataType => "dtype",
        MismatchReason.Shape => "shape",
        MismatchReason.NonFinite => "NaN/Inf",
        MismatchReason.Unsupported => "unsupported dtype",
        _ => "values",
    };

    // A '|' in an output name would split the table cell.
    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
