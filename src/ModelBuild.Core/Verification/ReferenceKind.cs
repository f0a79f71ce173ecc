namespace ModelBuild.Core.Verification;

/// <summary>What the outputs were checked against.</summary>
public enum ReferenceKind
{
    /// <summary>A golden file of outputs computed by the source framework.</summary>
    File,

    /// <summary>Another ONNX model run on the same inputs (e.g. the unoptimized original).</summary>
    Model,

    /// <summary>Nothing: seeded inputs, NaN/Inf check and fingerprint only.</summary>
    None,
}
