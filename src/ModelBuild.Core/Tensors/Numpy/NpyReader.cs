using System.Buffers.Binary;

namespace ModelBuild.Core.Tensors.Numpy;

/// <summary>
/// Reads .npy files. A little-endian file stays on disk as a <see cref="TensorData"/> region (Fortran order as
/// strides over it); a big-endian one is read into memory and byte-swapped, because the hub is little-endian.
/// </summary>
public static class NpyReader
{
    public static TensorData Read(string path)
    {
        path = Path.GetFullPath(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096);
        var header = NpyHeaderParser.Read(stream, path, entry: null);
        long available = stream.Length - header.DataOffset;
        CheckDataLength(header, available, path, entry: null);

        if (!header.BigEndian)
            return TensorData.FromFile(path, header.DataOffset, header.DataLength, header.DataType, header.Shape, FortranStrides(header));

        if (header.DataLength > Array.MaxLength)
            NpyThrowHelper.Throw(path, null, $"a big-endian array of {header.DataLength} bytes is too large to byte-swap in memory; save it little-endian.");
        var bytes = new byte[header.DataLength];
        stream.Seek(header.DataOffset, SeekOrigin.Begin);
        stream.ReadExactly(bytes);
        return ToTensor(header, bytes);
    }

    /// <summary>Parses the header of a .npy file without touching its data.</summary>
    public static NpyHeader ReadHeader(string path)
    {
        path = Path.GetFullPath(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096);
        return NpyHeaderParser.Read(stream, path, entry: null);
    }

    /// <summary>Reads a whole .npy image held in memory (an archive entry); the tensor keeps a view of it.</summary>
    internal static TensorData ReadFromMemory(byte[] image, string path, string entry)
    {
        using var stream = new MemoryStream(image, writable: false);
        var header = NpyHeaderParser.Read(stream, path, entry);
        CheckDataLength(header, image.Length - header.DataOffset, path, entry);
        var data = image.AsMemory((int)header.DataOffset, (int)header.DataLength);
        if (header.BigEndian) data = data.ToArray();
        return ToTensor(header, data);
    }

    private static void CheckDataLength(NpyHeader header, long available, string path, string? entry)
    {
        if (available != header.DataLength)
            NpyThrowHelper.Throw(path, entry,
                $"{NpyDataTypes.DescrOf(header.DataType) ?? header.DataType.ToString()}[{string.Join(",", header.Shape)}] needs {header.DataLength} data bytes after the {header.DataOffset}-byte header, but {available} are present.");
    }

    /// <summary>Byte-swaps (when big-endian) and transposes (when Fortran-ordered) a buffer the caller owns.</summary>
    private static TensorData ToTensor(NpyHeader header, Memory<byte> data)
    {
        int size = DataTypes.SizeOf(header.DataType);
        if (header.BigEndian) SwapInPlace(data.Span, size);
        if (header.FortranOrder && header.Shape.Count > 1)
            data = FortranToC(data.Span, header.Shape, size);
        return TensorData.FromBytes(data, header.DataType, header.Shape);
    }

    /// <summary>Column-major strides in elements; null when the layout is already C-contiguous.</summary>
    private static long[]? FortranStrides(NpyHeader header)
    {
        if (!header.FortranOrder || header.Shape.Count < 2) return null;
        var strides = new long[header.Shape.Count];
        long stride = 1;
        for (int d = 0; d < strides.Length; d++)
        {
            strides[d] = stride;
            stride *= header.Shape[d];
        }
        return strides;
    }

    private static void SwapInPlace(Span<byte> data, int size)
    {
        switch (size)
        {
            case 2:
                var u16 = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(data);
                BinaryPrimitives.ReverseEndianness(u16, u16);
                break;
            case 4:
                var u32 = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(data);
                BinaryPrimitives.ReverseEndianness(u32, u32);
                break;
            case 8:
                var u64 = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(data);
                BinaryPrimitives.ReverseEndianness(u64, u64);
                break;
        }
    }

    private static byte[] FortranToC(ReadOnlySpan<byte> source, IReadOnlyList<long> shape, int size)
    {
        int rank = shape.Count;
        var fortranStride = new long[rank];
        long stride = 1;
        for (int d = 0; d < rank; d++) { fortranStride[d] = stride; stride *= shape[d]; }

        var result = new byte[source.Length];
        var index = new long[rank];
        long count = source.Length / size;
        for (long n = 0; n < count; n++)
        {
            long from = 0;
            for (int d = 0; d < rank; d++) from += index[d] * fortranStride[d];
            source.Slice((int)(from * size), size).CopyTo(result.AsSpan((int)(n * size), size));
            for (int d = rank - 1; d >= 0; d--)
            {
                if (++index[d] < shape[d]) break;
                index[d] = 0;
            }
        }
        return result;
    }
}
