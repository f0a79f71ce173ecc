using System.Security.Cryptography;

namespace ModelBuild.Core.Caching;

/// <summary>
/// A write-only stream that hashes every byte on its way to the stream it wraps, so a writer learns the sha256 of
/// the file it made (<see cref="ContentHash"/>'s digest) without reading the file back: the lock and the report
/// need that digest for every artifact, and a second read pass costs as much as the write for large weights.
/// </summary>
public sealed class HashingWriteStream(Stream inner) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private string? _digest;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => inner.Length;

    /// <summary>The position of the wrapped stream; settable only by a seek, which this stream refuses.</summary>
    public override long Position
    {
        get => inner.Position;
        set => throw new NotSupportedException("A hashing stream only appends: seeking would hash bytes out of file order.");
    }

    /// <summary>The lower-case hex sha256 of everything written; writing after it has been read is an error.</summary>
    public string Sha256 => _digest ??= Convert.ToHexStringLower(_hash.GetHashAndReset());

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_digest is not null) throw new InvalidOperationException("The digest was already taken; later bytes would not be in it.");
        _hash.AppendData(buffer);
        inner.Write(buffer);
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        // The wrapped stream belongs to the caller, who also decides when it is flushed to disk.
        if (disposing) _hash.Dispose();
        base.Dispose(disposing);
    }
}
