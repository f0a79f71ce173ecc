using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace ModelBuild.Core.Exporters.Ort;

/// <summary>
/// Bounded random-access reads of an ORT format file and the FlatBuffers navigation over them (tables through
/// their vtables, offsets, vectors, strings). Random access because the file also holds the weights: only the
/// small parts that are read are ever in memory. Every position is checked against the file's length, so a damaged
/// file gives an MBLD error naming the offset, never an exception from deep inside.
/// </summary>
internal sealed class OrtFileReader : IDisposable
{
    private readonly SafeFileHandle _handle;

    private OrtFileReader(SafeFileHandle handle, string path)
    {
        _handle = handle;
        Path = path;
        Length = RandomAccess.GetLength(handle);
    }

    public string Path { get; }

    public long Length { get; }

    public static OrtFileReader Open(string path) => new(File.OpenHandle(path), path);

    public void Dispose() => _handle.Dispose();

    public byte[] Bytes(long offset, int count)
    {
        if (offset < 0 || count < 0 || offset > Length - count)
            throw OrtThrowHelper.NotOrtFormat(Path, offset, $"{count} bytes inside the {Length}-byte file", "an offset past its end");
        var buffer = new byte[count];
        int read = 0;
        while (read < count)
        {
            int n = RandomAccess.Read(_handle, buffer.AsSpan(read), offset + read);
            if (n == 0) throw OrtThrowHelper.NotOrtFormat(Path, offset + read, $"{count} bytes", $"{read} bytes");
            read += n;
        }
        return buffer;
    }

    public sbyte Int8(long offset) => (sbyte)Bytes(offset, 1)[0];

    public ushort UInt16(long offset) => BinaryPrimitives.ReadUInt16LittleEndian(Bytes(offset, 2));

    public uint UInt32(long offset) => BinaryPrimitives.ReadUInt32LittleEndian(Bytes(offset, 4));

    public int Int32(long offset) => BinaryPrimitives.ReadInt32LittleEndian(Bytes(offset, 4));

    /// <summary>The table at <paramref name="position"/>: its int32 back-reference to the vtable, and the vtable's sizes.</summary>
    public OrtTable Table(long position)
    {
        long vtable = position - Int32(position);
        int vtableSize = UInt16(vtable);
        int tableSize = UInt16(vtable + 2);
        if (vtableSize < OrtLayout.VtableHeaderLength || vtableSize % 2 != 0)
            throw OrtThrowHelper.NotOrtFormat(Path, vtable, "a vtable of an even size of at least 4 bytes", $"{vtableSize} bytes");
        if (tableSize < 4 || position > Length - tableSize)
            throw OrtThrowHelper.NotOrtFormat(Path, position, $"a table inside the {Length}-byte file", $"a {tableSize}-byte table");
        return new OrtTable(position, vtable, vtableSize, tableSize);
    }

    /// <summary>Where field <paramref name="index"/> of <paramref name="table"/> is stored, or 0 when it holds its default.</summary>
    public long Field(OrtTable table, int index, int size)
    {
        long slot = OrtLayout.VtableHeaderLength + 2L * index;
        int offset = slot + 2 <= table.VtableSize ? UInt16(table.Vtable + slot) : 0;
        if (offset == 0) return 0;
        if (offset < 4 || offset > table.TableSize - size)
            throw OrtThrowHelper.NotOrtFormat(Path, table.Vtable + slot, $"field {index} inside the {table.TableSize}-byte table", $"offset {offset}");
        return table.Position + offset;
    }

    /// <summary>The object an offset field points at, or 0 when the field is absent.</summary>
    public long Reference(OrtTable table, int index)
    {
        long field = Field(table, index, 4);
        return field == 0 ? 0 : Follow(field);
    }

    /// <summary>A uoffset at <paramref name="position"/>: FlatBuffers offsets count forward from where they are stored.</summary>
    public long Follow(long position)
    {
        long target = position + UInt32(position);
        if (target >= Length)
            throw OrtThrowHelper.NotOrtFormat(Path, position, $"an offset inside the {Length}-byte file", $"one to {target}, past its end");
        return target;
    }

    /// <summary>The element count of the vector at <paramref name="position"/>, checked to fit the file.</summary>
    public int VectorLength(long position, int elementSize)
    {
        uint count = UInt32(position);
        if (count > (Length - position - 4) / elementSize)
            throw OrtThrowHelper.NotOrtFormat(Path, position, $"a vector that fits the {Length}-byte file", $"{count} elements of {elementSize} bytes");
        return (int)count;
    }

    /// <summary>The UTF-8 bytes of the string at <paramref name="position"/> (its length prefix not included).</summary>
    public byte[] StringBytes(long position, int maxLength)
    {
        uint length = UInt32(position);
        if (length > maxLength)
            throw OrtThrowHelper.NotOrtFormat(Path, position, $"a string of at most {maxLength} bytes", $"{length} bytes");
        return Bytes(position + 4, (int)length);
    }

    /// <summary>
    /// True when <paramref name="table"/> stores any field at or after <paramref name="firstUnknown"/>: a field this
    /// reader would not carry over, so a rewrite must refuse rather than drop it.
    /// </summary>
    public bool HasFieldsFrom(OrtTable table, int firstUnknown)
    {
        for (long slot = OrtLayout.VtableHeaderLength + 2L * firstUnknown; slot + 2 <= table.VtableSize; slot += 2)
        {
            if (UInt16(table.Vtable + slot) != 0) return true;
        }
        return false;
    }
}
