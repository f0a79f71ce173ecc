namespace ModelBuild.Core.Exporters;

/// <summary>What an exporter produced: staged files (the main artifact first), how to check them, and facts for the lock.</summary>
public sealed class TargetExport
{
    /// <summary>Staged files, the main artifact first, then sidecars.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    public TargetCheck Check { get; init; } = TargetCheck.None;

    /// <summary>
    /// With <see cref="TargetCheck.OnnxRuntime"/>, an ONNX file that stands for the artifact when ONNX Runtime
    /// cannot load the artifact itself (an OpenVINO IR translated back); staged apart from <see cref="Files"/> and
    /// never shipped. Null: ONNX Runtime runs the main artifact.
    /// </summary>
    public string? RunnableStandIn { get; init; }

    /// <summary>How <see cref="RunnableStandIn"/> was made, for the report ("back-translation of the IR to ONNX").</summary>
    public string? RunnableVia { get; init; }

    /// <summary>With <see cref="TargetCheck.OwnRuntime"/>: runs the main artifact in its own format's runtime.</summary>
    public IArtifactRunner? Runner { get; init; }

    /// <summary>
    /// Set when the artifact was produced but the runtime that would check it is missing here: what is missing.
    /// The pipeline reports the target <c>not checked</c> with MBLD1007 (never silently ok).
    /// </summary>
    public string? UncheckedReason { get; init; }

    /// <summary>With <see cref="UncheckedReason"/>: how to get the missing runtime.</summary>
    public string? UncheckedHint { get; init; }

    /// <summary>What the structural check found, or why nothing could be checked.</summary>
    public string? Note { get; init; }

    /// <summary>Facts the lock entry records beside the artifact (format version, toolchain version, GPU), ordinal order.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Set when the target was not produced because a tool is missing: what is missing.</summary>
    public string? SkipReason { get; init; }

    /// <summary>With <see cref="SkipReason"/>: how to get the missing tool.</summary>
    public string? SkipHint { get; init; }

    public bool IsSkipped => SkipReason is not null;

    public static TargetExport Skipped(string reason, string hint) => new() { SkipReason = reason, SkipHint = hint };
}
