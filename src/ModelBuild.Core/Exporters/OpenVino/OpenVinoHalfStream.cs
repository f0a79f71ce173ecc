namespace ModelBuild.Core.Exporters.OpenVino;

/// <summary>
/// A write-only stream that takes little-endian float32 bytes and passes them on as float16 (round to nearest
/// even, as <see cref="Half"/> does), so a compressed weight streams from its source without being loaded whole.
/// </summary>
internal sealed class OpenVinoHalfStream : Stream
{
    private readonly Stream _inner;
    private readonly byte[] _pending = new byte[4];
    private int _pendingCount;

    public OpenVinoHalfStream(Stream inner) => _inner = inner;

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Span<byte> out2 = stackalloc byte[2];
        while (buffer.Length > 0)
        {
            if (_pendingCount > 0 || buffer.Length < 4)
            {
                int take = Math.Min(4 - _pendingCount, buffer.Length);
                buffer[..take].CopyTo(_pending.AsSpan(_pendingCount));
                _pendingCount += take;
                buffer = buffer[take..];
                if (_pendingCount < 4) return;
                WriteHalf(BitConverter.ToSingle(_pending), out2);
                _pendingCount = 0;
                continue;
            }
            int whole = buffer.Length / 4;
            var converted = new byte[whole * 2];
            for (int i = 0; i < whole; i++)
                BitConverter.TryWriteBytes(converted.AsSpan(2 * i), (Half)BitConverter.ToSingle(buffer.Slice(4 * i, 4)));
            _inner.Write(converted);
            buffer = buffer[(whole * 4)..];
        }
    }

    private void WriteHalf(float value, Span<byte> scratch)
    {
        BitConverter.TryWriteBytes(scratch, (Half)value);
        _inner.Write(scratch);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
    public override void Flush() => _inner.Flush();
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
