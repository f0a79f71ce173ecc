using ModelBuild.Core.Diagnostics;

namespace ModelBuild.Core.Verification;

/// <summary>
/// One target's line in the report and the lock: its status, what it was checked with and how closely, the
/// files it produced, and facts its artifact is bound to (ORT format version, TensorRT version, GPU).
/// </summary>
public sealed record TargetVerification(string Target, TargetStatus Status, string Detail)
{
    /// <summary>The runtime that ran it, e.g. <c>onnxruntime 1.31.1</c>; with <see cref="TargetStatus.Verified"/>.</summary>
    public string? Runtime { get; init; }

    /// <summary>What it was compared with: the reference file or the ONNX artifact.</summary>
    public string? ComparedWith { get; init; }

    /// <summary>Largest absolute difference over every compared output element.</summary>
    public double? MaxAbsDiff { get; init; }

    /// <summary>The diagnostic of a failed or skipped target.</summary>
    public DiagnosticCode? Code { get; init; }

    /// <summary>File names of the target's artifacts, main artifact first.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    public IReadOnlyDictionary<string, string> Properties { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary><c>verified (onnxruntime 1.31.1, max abs diff 3.6e-07)</c>, <c>structurally checked (…)</c>, <c>not checked (…)</c>, <c>failed (…)</c>.</summary>
    public string StatusText => Status switch
    {
        TargetStatus.Verified => $"verified ({Runtime}, max abs diff {(MaxAbsDiff is { } d ? NumberText.Short(d) : "n/a")}{(ComparedWith is null ? "" : " vs " + ComparedWith)})",
        TargetStatus.StructurallyChecked => $"structurally checked ({Detail})",
        TargetStatus.NotChecked => $"not checked ({Detail})",
        _ => $"failed ({Code?.Id}: {Detail})",
    };

    /// <summary>The JSON spelling of <see cref="Status"/>.</summary>
    public string StatusName => Status switch
    {
        TargetStatus.Verified => "verified",
        TargetStatus.StructurallyChecked => "structurallyChecked",
        TargetStatus.NotChecked => "notChecked",
        _ => "failed",
    };
}
