using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ModelBuild.Core.Caching;

/// <summary>
/// A write-only stream that hashes every byte on its way to the stream it wraps, so a writer learns the sha256 of
/// the file it made (<see cref="ContentHash"/>'s digest) without reading the file back: the lock and the report
/// need that digest for every artifact, and a second read pass costs as much as the write for large weights.
/// Past the first <see cref="InlineBytes"/>, the hash runs on a worker thread over copies of the written chunks, in
/// write order, so hashing gigabytes of weights (about as much CPU as the copy itself) overlaps the file writes
/// instead of adding to them; a bounded queue keeps at most <see cref="MaxQueuedChunks"/> chunks in memory. Smaller
/// files are hashed inline: for them a thread and the copies cost more than they save.
/// </summary>
public sealed class HashingWriteStream : Stream
{
    private const int MaxQueuedChunks = 4;
    private const long InlineBytes = 64L << 20;

    private readonly Stream _inner;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly BlockingCollection<(byte[] Buffer, int Length)> _chunks = new(MaxQueuedChunks);
    private Task? _worker;
    private long _written;
    private string? _digest;

    public HashingWriteStream(Stream inner) => _inner = inner;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _inner.Length;

    /// <summary>The position of the wrapped stream; settable only by a seek, which this stream refuses.</summary>
    public override long Position
    {
        get => _inner.Position;
        set => throw new NotSupportedException("A hashing stream only appends: seeking would hash bytes out of file order.");
    }

    /// <summary>The lower-case hex sha256 of everything written; writing after it has been read is an error.</summary>
    public string Sha256
    {
        get
        {
            if (_digest is null)
            {
                _chunks.CompleteAdding();
                _worker?.GetAwaiter().GetResult();
                _digest = Convert.ToHexStringLower(_hash.GetHashAndReset());
            }
            return _digest;
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_digest is not null) throw new InvalidOperationException("The digest was already taken; later bytes would not be in it.");
        if (buffer.IsEmpty) return;
        _written += buffer.Length;
        if (_worker is null && _written <= InlineBytes)
        {
            _hash.AppendData(buffer);
            _inner.Write(buffer);
            return;
        }
        // Every byte before this one is already in the hash, so the worker's chunks continue the write order.
        _worker ??= Task.Factory.StartNew(HashChunks, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var copy = ArrayPool<byte>.Shared.Rent(buffer.Length);
        buffer.CopyTo(copy);
        try
        {
            _chunks.Add((copy, buffer.Length));
        }
        catch (InvalidOperationException)
        {
            // The worker stopped (it failed); its exception is the one to see.
            ArrayPool<byte>.Shared.Return(copy);
            _worker.GetAwaiter().GetResult();
            throw;
        }
        _inner.Write(buffer);
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush() => _inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        // The wrapped stream belongs to the caller, who also decides when it is flushed to disk.
        if (disposing)
        {
            _chunks.CompleteAdding();
            try
            {
                _worker?.Wait();
            }
            catch (AggregateException)
            {
                // Disposing after a failure: the failure was already thrown to the writer, or no digest is wanted.
            }
            _chunks.Dispose();
            _hash.Dispose();
        }
        base.Dispose(disposing);
    }

    private void HashChunks()
    {
        try
        {
            foreach (var (buffer, length) in _chunks.GetConsumingEnumerable())
            {
                _hash.AppendData(buffer, 0, length);
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        catch
        {
            // Unblock a writer waiting on a full queue; it then rethrows this failure.
            _chunks.CompleteAdding();
            throw;
        }
    }
}
