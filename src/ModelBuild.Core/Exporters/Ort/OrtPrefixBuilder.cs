using System.Buffers.Binary;
using System.Text;

namespace ModelBuild.Core.Exporters.Ort;

/// <summary>
/// Builds the front of a FlatBuffer whose back (the tail: bytes kept verbatim from another buffer) is already
/// fixed. FlatBuffers is written back to front and aligns every object relative to the buffer's end, so positions
/// here are distances from the end of the finished buffer (<see cref="Position"/>): an object in the tail keeps
/// its distance, and the tail's own offsets, which only ever point at the tail, stay valid. The builder writes
/// only what it is told, in that order, with no hidden state besides string and vtable sharing, so the same calls
/// give the same bytes in every process.
/// </summary>
internal sealed class OrtPrefixBuilder
{
    private readonly long _tailLength;
    private readonly List<(byte[] Bytes, long Position)> _vtables = [];
    private readonly Dictionary<string, long> _sharedStrings = new(StringComparer.Ordinal);
    private readonly List<(int Field, long Position)> _fields = [];
    private byte[] _buffer = new byte[1024];
    private int _used;
    private long _tableStart = -1;

    public OrtPrefixBuilder(long tailLength) => _tailLength = tailLength;

    /// <summary>Distance from the end of the finished buffer to the first byte written so far.</summary>
    public long Position => _tailLength + _used;

    /// <summary>The bytes written so far; once <see cref="Finish"/> has run, the whole front of the file.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(_buffer.Length - _used);

    public long AddString(ReadOnlySpan<byte> utf8)
    {
        // length prefix, bytes, NUL; the prefix must land on a 4-byte boundary.
        Align(4, utf8.Length + 1);
        Prepend(1)[0] = 0;
        utf8.CopyTo(Prepend(utf8.Length));
        PutUInt32((uint)utf8.Length);
        return Position;
    }

    /// <summary>One copy per distinct string, as ONNX Runtime writes the type strings (<c>CreateSharedString</c>).</summary>
    public long AddSharedString(byte[] utf8)
    {
        // Latin-1 maps every byte to one char and back: an exact key for arbitrary bytes.
        var key = Encoding.Latin1.GetString(utf8);
        if (_sharedStrings.TryGetValue(key, out var position)) return position;
        position = AddString(utf8);
        _sharedStrings.Add(key, position);
        return position;
    }

    /// <summary>A vector of offsets, element i pointing at <paramref name="targets"/>[i].</summary>
    public long AddOffsetVector(IReadOnlyList<long> targets)
    {
        Align(4, 4 * targets.Count);
        for (int i = targets.Count - 1; i >= 0; i--) PutOffset(targets[i]);
        PutUInt32((uint)targets.Count);
        return Position;
    }

    public void StartTable()
    {
        if (_tableStart >= 0) throw new InvalidOperationException("FlatBuffers tables cannot nest while being built");
        _tableStart = Position;
        _fields.Clear();
    }

    public void AddOffsetField(int field, long target)
    {
        PutOffset(target);
        _fields.Add((field, Position));
    }

    /// <summary>A scalar equal to its schema default is left out, as FlatBuffers builders do: readers supply it.</summary>
    public void AddUInt32Field(int field, uint value)
    {
        if (value == 0) return;
        Align(4, 0);
        PutUInt32(value);
        _fields.Add((field, Position));
    }

    public void AddInt8Field(int field, sbyte value)
    {
        if (value == 0) return;
        Prepend(1)[0] = (byte)value;
        _fields.Add((field, Position));
    }

    /// <summary>Writes the table's back-reference and its vtable (or points at an equal one already written).</summary>
    public long EndTable()
    {
        Align(4, 0);
        PutUInt32(0);
        long table = Position;
        int fieldCount = _fields.Count == 0 ? 0 : _fields.Max(f => f.Field) + 1;
        var vtable = new byte[OrtLayout.VtableHeaderLength + 2 * fieldCount];
        BinaryPrimitives.WriteUInt16LittleEndian(vtable, (ushort)vtable.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(vtable.AsSpan(2), checked((ushort)(table - _tableStart)));
        foreach (var (field, position) in _fields)
            BinaryPrimitives.WriteUInt16LittleEndian(vtable.AsSpan(OrtLayout.VtableHeaderLength + 2 * field), checked((ushort)(table - position)));

        long vtablePosition = _vtables.FirstOrDefault(v => v.Bytes.AsSpan().SequenceEqual(vtable)).Position;
        if (vtablePosition == 0)
        {
            vtable.CopyTo(Prepend(vtable.Length));
            vtablePosition = Position;
            _vtables.Add((vtable, vtablePosition));
        }
        // The table's int32 holds (table address − vtable address); with distances from the end that is this.
        BinaryPrimitives.WriteInt32LittleEndian(At(table, 4), checked((int)(vtablePosition - table)));
        _tableStart = -1;
        return table;
    }

    /// <summary>
    /// Pads the whole buffer to a multiple of <see cref="OrtLayout.MaxAlignment"/>, so that the tail's objects,
    /// aligned relative to the end, are aligned in memory too, then writes the root offset and the identifier.
    /// </summary>
    public void Finish(long root, string identifier)
    {
        Align(OrtLayout.MaxAlignment, 4 + identifier.Length);
        Encoding.ASCII.GetBytes(identifier).CopyTo(Prepend(identifier.Length));
        PutOffset(root);
    }

    private void PutOffset(long target)
    {
        Align(4, 0);
        // A uoffset counts forward from its own first byte: from Position + 4 down to target, in distances from the end.
        long value = Position + 4 - target;
        if (value <= 0 || value > uint.MaxValue) throw new InvalidOperationException($"FlatBuffers offsets point forward; {target} is not ahead of {Position + 4}");
        PutUInt32((uint)value);
    }

    private void PutUInt32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Prepend(4), value);

    /// <summary>Pads so that, once <paramref name="following"/> more bytes are written, Position is a multiple of <paramref name="alignment"/>.</summary>
    private void Align(int alignment, int following)
    {
        int padding = (int)((alignment - (Position + following) % alignment) % alignment);
        Prepend(padding).Clear();
    }

    private Span<byte> Prepend(int count)
    {
        if (_buffer.Length - _used < count)
        {
            var grown = new byte[Math.Max(_buffer.Length * 2, _used + count)];
            _buffer.AsSpan(_buffer.Length - _used).CopyTo(grown.AsSpan(grown.Length - _used));
            _buffer = grown;
        }
        _used += count;
        return _buffer.AsSpan(_buffer.Length - _used, count);
    }

    private Span<byte> At(long position, int count) => _buffer.AsSpan(_buffer.Length - (int)(position - _tailLength), count);
}
