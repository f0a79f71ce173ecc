using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Verification;

/// <summary>
/// One output of one set compared with its reference. Statistics cover the element pairs where both values are
/// finite; NaN/Inf pairs only pass or fail. <see cref="MaxRel"/> uses torch's denominator <c>|expected| + 1e-7</c>
/// so a zero reference does not divide by zero. Statistics are 0 (and the min tolerances null) when no values
/// were compared (dtype or shape mismatch).
/// </summary>
public sealed record OutputComparison
{
    /// <summary>An output that passes with tolerance usage at or above this is a near miss (MBLD3006).</summary>
    public const double NearMissUsage = 0.5;

    /// <summary>Denominator offset of <see cref="MaxRel"/>, torch's <c>assert_close</c> choice.</summary>
    public const double RelativeEpsilon = 1e-7;

    public required string Name { get; init; }
    public required bool Passed { get; init; }
    public required MismatchReason Reason { get; init; }

    /// <summary>One sentence for people when it fails; null when it passes.</summary>
    public string? Message { get; init; }

    public required DataType ExpectedDataType { get; init; }
    public required DataType ActualDataType { get; init; }
    public required IReadOnlyList<long> ExpectedShape { get; init; }
    public required IReadOnlyList<long> ActualShape { get; init; }
    public required Tolerance Tolerance { get; init; }

    /// <summary>True for integer and bool outputs, which must match exactly whatever the tolerance.</summary>
    public bool Exact { get; init; }

    public long ElementCount { get; init; }
    public long MismatchCount { get; init; }
    public double MaxAbs { get; init; }
    public double MaxRel { get; init; }
    public double MeanAbs { get; init; }

    /// <summary>Cosine similarity of the flattened outputs; 1 when both are all zeros.</summary>
    public double Cosine { get; init; } = 1;

    /// <summary>max over elements of <c>|a−e| / (atol + rtol·|e|)</c>; ≤ 1 passes. +Inf for a non-finite or exact mismatch.</summary>
    public double ToleranceUsage { get; init; }

    /// <summary>Smallest atol that passes at the configured rtol; null when no atol can (NaN/Inf or exact mismatch).</summary>
    public double? MinPassingAtol { get; init; }

    /// <summary>Smallest rtol that passes at the configured atol; null when no rtol can (e.g. expected 0 beyond atol).</summary>
    public double? MinPassingRtol { get; init; }

    public WorstElement? Worst { get; init; }

    public bool NearMiss => Passed && ToleranceUsage >= NearMissUsage;
}
