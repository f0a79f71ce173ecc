using System.Buffers;

namespace ModelBuild.Core.Tensors;

/// <summary>
/// The bytes of one tensor, little-endian, described but not loaded: a region of a source file (offset, length)
/// or a buffer already in memory. Exporters stream it with <see cref="CopyTo"/>, so a model bigger than memory
/// passes through in fixed-size chunks. <see cref="Strides"/> (in elements) describe a non-contiguous view into
/// the region, as PyTorch storages have; null means C-contiguous.
/// </summary>
public sealed class TensorData
{
    private const int ChunkSize = 1 << 20;
    private readonly ReadOnlyMemory<byte> _memory;
    private readonly TensorData[]? _parts;

    private TensorData(DataType dataType, long[] shape, long[]? strides, string? sourcePath, long offset, long length, ReadOnlyMemory<byte> memory, TensorData[]? parts = null)
    {
        _parts = parts;
        DataType = dataType;
        Shape = shape;
        Strides = strides;
        SourcePath = sourcePath;
        Offset = offset;
        Length = length;
        _memory = memory;
    }

    public DataType DataType { get; }
    public IReadOnlyList<long> Shape { get; }
    public IReadOnlyList<long>? Strides { get; }

    /// <summary>File the bytes live in; null when they are in memory.</summary>
    public string? SourcePath { get; }

    /// <summary>Byte offset of element 0 in <see cref="SourcePath"/>.</summary>
    public long Offset { get; }

    /// <summary>Bytes of the source region (the storage span the view may touch).</summary>
    public long Length { get; }

    public bool IsInMemory => SourcePath is null && _parts is null;

    /// <summary>
    /// For a tensor made by <see cref="Concat"/>: the tensors whose elements follow one another in it; null otherwise.
    /// Each part is itself file-backed or in memory, so readers of the regions (validation) look at the parts.
    /// </summary>
    public IReadOnlyList<TensorData>? Parts => _parts;

    public long ElementCount
    {
        get
        {
            long count = 1;
            foreach (var d in Shape) count = checked(count * d);
            return count;
        }
    }

    /// <summary>Bytes of the tensor once written contiguously.</summary>
    public long ByteLength => checked(ElementCount * DataTypes.SizeOf(DataType));

    public bool IsContiguous => Strides is null || StridesAreContiguous(Shape, Strides);

    public static TensorData FromFile(string path, long offset, long length, DataType dataType, IReadOnlyList<long> shape, IReadOnlyList<long>? strides = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return new TensorData(dataType, shape.ToArray(), strides?.ToArray(), Path.GetFullPath(path), offset, length, ReadOnlyMemory<byte>.Empty);
    }

    public static TensorData FromBytes(ReadOnlyMemory<byte> bytes, DataType dataType, IReadOnlyList<long> shape)
    {
        var data = new TensorData(dataType, shape.ToArray(), null, null, 0, bytes.Length, bytes);
        if (data.ByteLength != bytes.Length)
            throw new ArgumentException($"{bytes.Length} bytes do not hold a {DataTypes.Name(dataType)}[{string.Join(",", shape)}] tensor ({data.ByteLength} bytes).", nameof(bytes));
        return data;
    }

    /// <summary>
    /// A tensor of <paramref name="shape"/> whose elements, in C order, are those of <paramref name="parts"/> one after
    /// the other; nothing is read. Lowerings that only rearrange weights (an LSTM's gate blocks reordered for ONNX)
    /// build their initializers this way, so the weights still stream from the source file when written.
    /// </summary>
    public static TensorData Concat(IReadOnlyList<TensorData> parts, IReadOnlyList<long> shape)
    {
        if (parts.Count == 0) throw new ArgumentException("A concatenation needs at least one part.", nameof(parts));
        var dataType = parts[0].DataType;
        long bytes = 0;
        foreach (var part in parts)
        {
            if (part.DataType != dataType) throw new ArgumentException("The parts of a concatenation must share one element type.", nameof(parts));
            bytes = checked(bytes + part.ByteLength);
        }
        var data = new TensorData(dataType, shape.ToArray(), null, null, 0, bytes, ReadOnlyMemory<byte>.Empty, parts.ToArray());
        if (data.ByteLength != bytes)
            throw new ArgumentException($"Parts of {bytes} bytes do not hold a {DataTypes.Name(dataType)}[{string.Join(",", shape)}] tensor ({data.ByteLength} bytes).", nameof(shape));
        return data;
    }

    /// <summary>
    /// Elements [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>) of this tensor in C
    /// order, seen with <paramref name="shape"/>: a narrower region of the same file or buffer, nothing read. A strided
    /// view or a concatenation has no single region, so its elements are read first (rare: small weights only).
    /// </summary>
    public TensorData FlatSlice(long start, long count, IReadOnlyList<long> shape)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (checked(start + count) > ElementCount) throw new ArgumentOutOfRangeException(nameof(count), $"Elements {start}..{start + count} lie beyond the {ElementCount} of the tensor.");
        int size = DataTypes.SizeOf(DataType);
        if (!IsContiguous || _parts is not null)
            return FromBytes(ReadAllBytes().AsMemory(checked((int)(start * size)), checked((int)(count * size))), DataType, shape);
        var slice = new TensorData(DataType, shape.ToArray(), null, SourcePath, IsInMemory ? 0 : checked(Offset + start * size), checked(count * size),
            IsInMemory ? _memory.Slice(checked((int)(start * size)), checked((int)(count * size))) : ReadOnlyMemory<byte>.Empty);
        if (slice.ElementCount != count) throw new ArgumentException($"Shape [{string.Join(",", shape)}] does not hold {count} elements.", nameof(shape));
        return slice;
    }

    /// <summary>Writes the tensor contiguously to <paramref name="destination"/>, streaming file-backed data.</summary>
    public void CopyTo(Stream destination)
    {
        if (_parts is not null)
        {
            foreach (var part in _parts) part.CopyTo(destination);
            return;
        }
        if (IsInMemory)
        {
            destination.Write(_memory.Span);
            return;
        }
        if (IsContiguous)
        {
            // Unbuffered: the chunks are already large, and a second buffer would only add a copy.
            using var region = new FileStream(SourcePath!, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            CopyRegion(region, Offset, ByteLength, destination);
            return;
        }
        using var strided = new FileStream(SourcePath!, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024);
        CopyStrided(strided, destination);
    }

    /// <summary>Reads the whole tensor into memory; for small tensors (reference data, constants) only.</summary>
    public byte[] ReadAllBytes()
    {
        if (IsInMemory && IsContiguous) return _memory.ToArray();
        var bytes = new byte[ByteLength];
        using var ms = new MemoryStream(bytes);
        CopyTo(ms);
        return bytes;
    }

    /// <summary>The same bytes seen with another shape (element count must agree).</summary>
    public TensorData WithShape(IReadOnlyList<long> shape)
    {
        var reshaped = new TensorData(DataType, shape.ToArray(), null, SourcePath, Offset, Length, _memory, _parts);
        if (reshaped.ElementCount != ElementCount || !IsContiguous)
            throw new ArgumentException("A reshape must keep the element count of a contiguous tensor.", nameof(shape));
        return reshaped;
    }

    private static void CopyRegion(Stream source, long offset, long count, Stream destination)
    {
        source.Seek(offset, SeekOrigin.Begin);
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(ChunkSize, Math.Max(count, 1)));
        try
        {
            while (count > 0)
            {
                int want = (int)Math.Min(buffer.Length, count);
                source.ReadExactly(buffer, 0, want);
                destination.Write(buffer, 0, want);
                count -= want;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void CopyStrided(Stream source, Stream destination)
    {
        // Non-contiguous views are rare in saved models (a transposed weight saved without .contiguous()).
        // Rows along the last dimension are gathered one element at a time from a buffered reader.
        int size = DataTypes.SizeOf(DataType);
        int rank = Shape.Count;
        var index = new long[rank];
        var element = new byte[size];
        long total = ElementCount;
        for (long n = 0; n < total; n++)
        {
            long elementOffset = 0;
            for (int d = 0; d < rank; d++) elementOffset += index[d] * Strides![d];
            source.Seek(Offset + elementOffset * size, SeekOrigin.Begin);
            source.ReadExactly(element);
            destination.Write(element);
            for (int d = rank - 1; d >= 0; d--)
            {
                if (++index[d] < Shape[d]) break;
                index[d] = 0;
            }
        }
    }

    private static bool StridesAreContiguous(IReadOnlyList<long> shape, IReadOnlyList<long> strides)
    {
        long expected = 1;
        for (int d = shape.Count - 1; d >= 0; d--)
        {
            if (shape[d] != 1 && strides[d] != expected) return false;
            expected *= shape[d];
        }
        return true;
    }
}
