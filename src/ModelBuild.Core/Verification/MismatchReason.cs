namespace ModelBuild.Core.Verification;

/// <summary>Why an output failed; each reason has its own fix, so the report keeps them apart.</summary>
public enum MismatchReason
{
    None,
    /// <summary>Element types differ (e.g. float32 vs float16): a contract problem, no values compared.</summary>
    DataType,
    /// <summary>Shapes differ: no values compared.</summary>
    Shape,
    /// <summary>Finite values beyond tolerance, or integer/bool values not equal.</summary>
    Values,
    /// <summary>NaN or ±Inf where the reference has another value (or the other way round).</summary>
    NonFinite,
    /// <summary>An element type the comparer cannot decode (string).</summary>
    Unsupported,
}
