namespace ModelBuild.Core.Tensors.Numpy;

/// <summary>
/// A parsed .npy header. <see cref="DataOffset"/> counts from the magic; <see cref="BigEndian"/> is true only
/// for multi-byte types stored '&gt;', which the reader byte-swaps.
/// </summary>
public sealed record NpyHeader(DataType DataType, bool BigEndian, bool FortranOrder, IReadOnlyList<long> Shape, long DataOffset, int MajorVersion)
{
    /// <summary>Bytes the data must have: element count × item size (checked).</summary>
    public long DataLength
    {
        get
        {
            long bytes = DataTypes.SizeOf(DataType);
            foreach (var d in Shape) bytes = checked(bytes * d);
            return bytes;
        }
    }
}
