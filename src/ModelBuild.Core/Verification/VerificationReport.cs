using ModelBuild.Core.Diagnostics;

namespace ModelBuild.Core.Verification;

/// <summary>
/// The result of a verification: the verdict, each set's output comparisons, the issues found, and what it was
/// checked against. <see cref="ToJson"/> is the machine form (report.json, the lock's summary),
/// <see cref="ToMarkdown"/> the human form, <see cref="SummaryLine"/> the one line of an MSBuild diagnostic.
/// </summary>
public sealed class VerificationReport
{
    public const string Schema = "modelbuild.verification/1";

    // Most specific first: a model that cannot run says nothing about its values, and a contract break makes
    // element statistics moot.
    private static readonly DiagnosticCode[] FailurePriority =
    [
        DiagnosticCode.RuntimeFailed, DiagnosticCode.ReferenceInvalid, DiagnosticCode.OutputContractMismatch,
        DiagnosticCode.NonFiniteOutput, DiagnosticCode.GateFailed,
    ];

    internal VerificationReport(string modelPath, ReferenceKind referenceKind, string? referenceFile, int? seed, ToleranceSpec tolerance,
        IReadOnlyList<SetResult> sets, IReadOnlyList<string> unverifiedOutputs, IReadOnlyList<VerificationIssue> issues, string? fingerprint,
        VerificationTimings timings)
    {
        ModelPath = modelPath;
        ReferenceKind = referenceKind;
        ReferenceFile = referenceFile;
        Seed = seed;
        Tolerance = tolerance;
        Sets = sets;
        UnverifiedOutputs = unverifiedOutputs;
        Issues = issues;
        Fingerprint = fingerprint;
        Timings = timings;
        OrtVersion = OnnxRuntimeRunner.OrtVersion;
        Code = ComputeCode();
        Status = Code is null || Code == DiagnosticCode.NearMiss ? VerificationStatus.Passed
            : Code == DiagnosticCode.NoReference ? VerificationStatus.NotChecked
            : VerificationStatus.Failed;
    }

    public string ModelPath { get; }
    public ReferenceKind ReferenceKind { get; }

    /// <summary>The golden file (<see cref="ReferenceKind.File"/>) or baseline model (<see cref="ReferenceKind.Model"/>).</summary>
    public string? ReferenceFile { get; }

    /// <summary>Seed of the generated inputs; null when the inputs came from reference data.</summary>
    public int? Seed { get; }

    public ToleranceSpec Tolerance { get; }
    public IReadOnlyList<SetResult> Sets { get; }

    /// <summary>Model outputs the reference has no values for: run, but not compared.</summary>
    public IReadOnlyList<string> UnverifiedOutputs { get; }

    public IReadOnlyList<VerificationIssue> Issues { get; }

    /// <summary>Hash of the outputs on seeded inputs (see <see cref="OutputFingerprint"/>); null with a reference.</summary>
    public string? Fingerprint { get; }

    public VerificationTimings Timings { get; }
    public string OrtVersion { get; }
    public VerificationStatus Status { get; }

    /// <summary>
    /// The diagnostic the caller reports: the failure's code, <see cref="DiagnosticCode.NoReference"/>,
    /// <see cref="DiagnosticCode.NearMiss"/>, or null for a clean pass.
    /// </summary>
    public DiagnosticCode? Code { get; }

    public ExitCode ExitCode => Code?.Exit ?? ExitCode.Success;

    /// <summary>
    /// Every requested target with its own status (the ONNX artifact's mirrors the gate above); empty when the
    /// report was made outside a conversion (<c>modelbuild verify</c>).
    /// </summary>
    public IReadOnlyList<TargetVerification> Targets { get; private set; } = [];

    /// <summary>This report with the conversion's per-target statuses attached.</summary>
    public VerificationReport WithTargets(IReadOnlyList<TargetVerification> targets)
    {
        var copy = (VerificationReport)MemberwiseClone();
        copy.Targets = targets;
        return copy;
    }

    public bool Passed => Status == VerificationStatus.Passed;

    /// <summary>Passed, but some output used at least <see cref="OutputComparison.NearMissUsage"/> of its tolerance.</summary>
    public bool NearMiss => Passed && Comparisons.Any(c => c.Comparison.NearMiss);

    /// <summary>Every comparison with its set, in run order.</summary>
    public IEnumerable<(string Set, OutputComparison Comparison)> Comparisons =>
        Sets.SelectMany(s => s.Comparisons.Select(c => (s.Name, c)));

    public string ToJson() => VerificationReportJson.Write(this);

    public string ToMarkdown() => VerificationReportMarkdown.Write(this);

    /// <summary>
    /// One line for an MSBuild message: the worst failure with where and how much
    /// (<c>output 'logits' differs: max abs 1.0e-02 at [0,7] (expected 0.1234, got 0.1334); passes with atol ≥ 1.0e-02</c>),
    /// or the verdict when nothing failed.
    /// </summary>
    public string SummaryLine()
    {
        var failed = Comparisons.Where(c => !c.Comparison.Passed).ToList();
        var issue = FailurePriority.Select(code => Issues.FirstOrDefault(i => i.Code.Equals(code))).FirstOrDefault(i => i is not null);
        // A contract or run issue outranks a value difference, which in turn is more telling than later issues.
        if (issue is not null && (failed.Count == 0 || Array.IndexOf(FailurePriority, issue.Code) < Array.IndexOf(FailurePriority, CodeOf(failed[0].Comparison))))
            return issue.Message + (Issues.Count + failed.Count > 1 ? $" (and {Issues.Count + failed.Count - 1} more problems)" : "");
        if (failed.Count > 0)
        {
            var (set, worst) = failed.OrderByDescending(c => c.Comparison.ToleranceUsage).First();
            var line = DescribeFailure(set, worst);
            int others = failed.Count - 1 + Issues.Count;
            return others > 0 ? $"{line} (and {others} more failures)" : line;
        }
        int outputs = Comparisons.Select(c => c.Comparison.Name).Distinct().Count();
        if (Status == VerificationStatus.NotChecked)
            return $"no reference data: ran {Sets.Count} seeded input sets without NaN/Inf; equivalence with the source was NOT checked";
        if (NearMiss)
        {
            var (set, near) = Comparisons.OrderByDescending(c => c.Comparison.ToleranceUsage).First();
            return $"{Plural(outputs, "output")} × {Plural(Sets.Count, "set")} pass, but output '{near.Name}'{SetSuffix(set)} uses {Math.Round(near.ToleranceUsage * 100)}% of its tolerance "
                   + $"(max abs {NumberText.Short(near.MaxAbs)}, {near.Tolerance})";
        }
        return $"{Plural(outputs, "output")} × {Plural(Sets.Count, "set")} match within tolerance";
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    internal string DescribeFailure(string set, OutputComparison c)
    {
        if (c.Reason is not MismatchReason.Values and not MismatchReason.NonFinite) return c.Message + SetSuffix(set);
        var where = c.Worst is null ? "" :
            $" at {NumberText.Index(c.Worst.Index)} (expected {NumberText.Value(c.Worst.Expected)}, got {NumberText.Value(c.Worst.Actual)})";
        if (c.Reason == MismatchReason.NonFinite)
            return $"output '{c.Name}'{SetSuffix(set)} has NaN/Inf where the reference does not{where}; no tolerance passes it";
        if (c.Exact)
            return $"output '{c.Name}'{SetSuffix(set)} differs: {c.MismatchCount} of {c.ElementCount} elements{where}; {DataTypeName(c)} outputs must match exactly";
        return $"output '{c.Name}'{SetSuffix(set)} differs: max abs {NumberText.Short(c.MaxAbs)}{where}; {PassHint(c)}";
    }

    internal static string PassHint(OutputComparison c) =>
        c.MinPassingAtol is { } atol ? $"passes with atol ≥ {NumberText.ShortRoundedUp(atol)}"
        : c.MinPassingRtol is { } rtol ? $"passes with rtol ≥ {NumberText.ShortRoundedUp(rtol)}"
        : "no tolerance passes it";

    internal static DiagnosticCode CodeOf(OutputComparison c) => c.Reason switch
    {
        MismatchReason.DataType or MismatchReason.Shape => DiagnosticCode.OutputContractMismatch,
        MismatchReason.NonFinite => DiagnosticCode.NonFiniteOutput,
        _ => DiagnosticCode.GateFailed,
    };

    private string SetSuffix(string set) => Sets.Count > 1 ? $" in {set}" : "";

    private static string DataTypeName(OutputComparison c) => Tensors.DataTypes.Name(c.ExpectedDataType);

    private DiagnosticCode? ComputeCode()
    {
        var found = Issues.Select(i => i.Code).Concat(Comparisons.Where(c => !c.Comparison.Passed).Select(c => CodeOf(c.Comparison))).ToHashSet();
        foreach (var code in FailurePriority)
            if (found.Contains(code)) return code;
        if (found.Count > 0) return found.OrderBy(c => c.Id, StringComparer.Ordinal).First();
        if (ReferenceKind == ReferenceKind.None) return DiagnosticCode.NoReference;
        if (Comparisons.Any(c => c.Comparison.NearMiss)) return DiagnosticCode.NearMiss;
        return null;
    }
}
