namespace ModelBuild.Core.Tensors.Numpy;

/// <summary>Bounds on an .npz archive, checked against declared sizes before reading and against actual bytes while reading.</summary>
public sealed record NpzLimits
{
    public static NpzLimits Default { get; } = new();

    /// <summary>Sum of the uncompressed sizes of all entries.</summary>
    public long MaxTotalUncompressedBytes { get; init; } = 4L << 30;

    public int MaxEntryCount { get; init; } = 10_000;
}
