using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Verification;

namespace ModelBuild.Core.Pipeline;

/// <summary>What a conversion produced and what the gate found.</summary>
public sealed class ConversionResult
{
    public required ExitCode ExitCode { get; init; }
    public IReadOnlyList<Artifact> Artifacts { get; init; } = [];
    public VerificationReport? Report { get; init; }

    /// <summary>Every requested target with its status, in the order asked; also in <see cref="Report"/> when there is one.</summary>
    public IReadOnlyList<TargetVerification> Targets { get; init; } = [];

    /// <summary>The report as Markdown when it was restored from the cache (then <see cref="Report"/> is null).</summary>
    public string? ReportMarkdown { get; init; }

    /// <summary>The cache entry the artifacts were restored from; null when they were converted now.</summary>
    public string? CacheKey { get; init; }

    /// <summary>
    /// The ONNX artifact's inputs and outputs as the writer wrote them; null when the artifact was restored from
    /// the cache or rewritten by ONNX Runtime's optimizer, where only the file itself says what it holds.
    /// </summary>
    public ModelSignature? Signature { get; init; }

    /// <summary>Canonical MSBuild lines (warnings and the gate's error) to print as they are.</summary>
    public IReadOnlyList<string> Diagnostics { get; init; } = [];
}
