namespace ModelBuild.Core.Importers.Onnx;

/// <summary>
/// A forward reader over the protobuf wire format of a file that knows its absolute position, so the reader can
/// record where each initializer's raw_data lies and skip it without reading it. Every declared length is checked
/// against the end of the enclosing message before anything is skipped or copied.
/// </summary>
internal sealed class OnnxWireReader : IDisposable
{
    private readonly FileStream _stream;
    private readonly string _path;
    private readonly byte[] _buffer = new byte[OnnxLayout.ReadBufferSize];
    private int _bufferPos;
    private int _bufferLen;
    private long _bufferStart;

    public OnnxWireReader(string path)
    {
        _path = path;
        // Unbuffered FileStream: this class buffers, and seeks past raw_data must not read it.
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        Length = _stream.Length;
    }

    public long Length { get; }

    public long Position => _bufferStart + _bufferPos;

    /// <summary>Reads a field key; returns false at <paramref name="end"/>.</summary>
    public bool TryReadTag(long end, out int fieldNumber, out int wireType)
    {
        fieldNumber = 0;
        wireType = 0;
        if (Position >= end) return false;
        long at = Position;
        ulong tag = ReadVarint(end);
        fieldNumber = (int)Math.Min(tag >> 3, int.MaxValue);
        wireType = (int)(tag & 7);
        if (tag > uint.MaxValue || fieldNumber == 0)
            throw OnnxThrowHelper.Invalid(_path, $"Invalid protobuf field key {tag} at byte offset {at}.");
        return true;
    }

    public ulong ReadVarint(long end)
    {
        long at = Position;
        ulong value = 0;
        for (int i = 0; i < OnnxLayout.MaxVarintBytes; i++)
        {
            if (Position >= end)
                throw OnnxThrowHelper.Invalid(_path, $"Truncated varint at byte offset {at}: the enclosing message ends at {end}.");
            byte b = ReadByte();
            if (i == OnnxLayout.MaxVarintBytes - 1 && b > 1)
                throw OnnxThrowHelper.Invalid(_path, $"Varint at byte offset {at} overflows 64 bits.");
            value |= (ulong)(b & 0x7F) << (7 * i);
            if (b < 0x80) return value;
        }
        throw OnnxThrowHelper.Invalid(_path, $"Varint at byte offset {at} is longer than {OnnxLayout.MaxVarintBytes} bytes.");
    }

    /// <summary>Reads a length prefix and returns the absolute end of the bytes it announces.</summary>
    public long ReadLengthEnd(long end, string what)
    {
        long at = Position;
        ulong length = ReadVarint(end);
        long remaining = end - Position;
        if (length > (ulong)remaining)
            throw OnnxThrowHelper.Invalid(_path, $"{what} at byte offset {at} declares {length} bytes but only {remaining} remain in its enclosing message (file size {Length}).");
        return Position + (long)length;
    }

    /// <summary>Skips the value of a field of <paramref name="wireType"/>, checking it fits before <paramref name="end"/>.</summary>
    public void SkipValue(int wireType, long end)
    {
        long at = Position;
        switch (wireType)
        {
            case OnnxLayout.WireVarint:
                ReadVarint(end);
                break;
            case OnnxLayout.WireFixed64:
                SeekChecked(at + 8, end, at);
                break;
            case OnnxLayout.WireFixed32:
                SeekChecked(at + 4, end, at);
                break;
            case OnnxLayout.WireLengthDelimited:
                Seek(ReadLengthEnd(end, "Field"));
                break;
            default:
                // Groups (3, 4) are not used by ONNX; 6 and 7 do not exist. Either way the bytes are not ONNX.
                throw OnnxThrowHelper.Invalid(_path, $"Unsupported protobuf wire type {wireType} at byte offset {at}.");
        }
    }

    /// <summary>Copies the bytes from <paramref name="from"/> to the current position into <paramref name="destination"/>.</summary>
    public void CopySpan(long from, MemoryStream destination)
    {
        long count = Position - from;
        if (checked(destination.Length + count) > OnnxLayout.MaxBufferedBytes)
            throw OnnxThrowHelper.Invalid(_path, $"The model's structure (without weights) exceeds 2 GB at byte offset {from}.");
        long resume = Position;
        Seek(from);
        var chunk = new byte[(int)Math.Min(count, OnnxLayout.ReadBufferSize)];
        while (count > 0)
        {
            int want = (int)Math.Min(chunk.Length, count);
            ReadExactly(chunk.AsSpan(0, want));
            destination.Write(chunk, 0, want);
            count -= want;
        }
        if (Position != resume) Seek(resume);
    }

    public void Seek(long position)
    {
        if (position >= _bufferStart && position <= _bufferStart + _bufferLen)
        {
            _bufferPos = (int)(position - _bufferStart);
            return;
        }
        _bufferStart = position;
        _bufferPos = 0;
        _bufferLen = 0;
    }

    public void Dispose() => _stream.Dispose();

    private void SeekChecked(long target, long end, long at)
    {
        if (target > end)
            throw OnnxThrowHelper.Invalid(_path, $"Fixed-size field at byte offset {at} runs past the end of its enclosing message at {end}.");
        Seek(target);
    }

    private byte ReadByte()
    {
        if (_bufferPos >= _bufferLen) Fill();
        return _buffer[_bufferPos++];
    }

    private void ReadExactly(Span<byte> destination)
    {
        while (destination.Length > 0)
        {
            if (_bufferPos >= _bufferLen) Fill();
            int n = Math.Min(destination.Length, _bufferLen - _bufferPos);
            _buffer.AsSpan(_bufferPos, n).CopyTo(destination);
            _bufferPos += n;
            destination = destination[n..];
        }
    }

    private void Fill()
    {
        _bufferStart += _bufferPos;
        _bufferPos = 0;
        _stream.Position = _bufferStart;
        _bufferLen = _stream.Read(_buffer, 0, _buffer.Length);
        if (_bufferLen == 0)
            throw OnnxThrowHelper.Invalid(_path, $"Unexpected end of file at byte offset {_bufferStart}.");
    }
}
