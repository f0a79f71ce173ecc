namespace ModelBuild.Core.Tensors.Safetensors;

/// <summary>
/// Bounds a reader enforces before it allocates anything, so a hostile header cannot make it allocate or parse
/// without limit. The defaults accept every file the reference implementation accepts.
/// </summary>
public sealed record SafetensorsLimits
{
    public static SafetensorsLimits Default { get; } = new();

    /// <summary>Largest JSON header (the N of the length prefix) read into memory.</summary>
    public long MaxHeaderBytes { get; init; } = SafetensorsLayout.DefaultMaxHeaderBytes;

    /// <summary>Largest tensor rank; far above any real model, low enough to bound per-tensor work.</summary>
    public int MaxRank { get; init; } = 64;
}
