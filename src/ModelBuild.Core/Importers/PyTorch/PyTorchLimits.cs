namespace ModelBuild.Core.Importers.PyTorch;

/// <summary>
/// Bounds the PyTorch reader enforces before it allocates or recurses. The defaults fit every real model we know
/// of by orders of magnitude; a file beyond them is refused with an MBLD code, never half-read.
/// </summary>
public sealed record PyTorchLimits
{
    public static PyTorchLimits Default { get; } = new();

    /// <summary>Zip entries in one archive (resnet-152 TorchScript has under 1,000).</summary>
    public int MaxEntryCount { get; init; } = 100_000;

    /// <summary>Bytes of one pickle (data.pkl, constants.pkl); pickles hold structure, never tensor data.</summary>
    public long MaxPickleBytes { get; init; } = 256L << 20;

    /// <summary>Bytes a deflated record may inflate to (TorchScript code files).</summary>
    public long MaxInflatedRecordBytes { get; init; } = 64L << 20;

    /// <summary>Inflated/compressed ratio above which a deflated record is treated as a zip bomb.</summary>
    public int MaxCompressionRatio { get; init; } = 200;

    /// <summary>Values on the pickle machine's stack at once.</summary>
    public int MaxStackSize { get; init; } = 1_000_000;

    /// <summary>Open MARKs (nesting of tuples, lists and dicts being built).</summary>
    public int MaxMarkDepth { get; init; } = 1_000;

    /// <summary>Entries in the pickle memo.</summary>
    public int MaxMemoSize { get; init; } = 1_000_000;

    /// <summary>Elements of one list, tuple, set or dict.</summary>
    public int MaxContainerLength { get; init; } = 10_000_000;

    /// <summary>Nesting depth when the object graph is walked (also stops reference cycles).</summary>
    public int MaxObjectDepth { get; init; } = 200;

    /// <summary>Dimensions of one tensor.</summary>
    public int MaxRank { get; init; } = 64;
}
