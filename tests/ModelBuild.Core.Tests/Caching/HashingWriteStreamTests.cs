using System.Security.Cryptography;
using ModelBuild.Core.Caching;

namespace ModelBuild.Core.Tests.Caching;

public sealed class HashingWriteStreamTests
{
    [Fact]
    public void Sha256_WhenWrittenInPieces_EqualsTheDigestOfTheWholeAndPassesEveryByteOn()
    {
        var bytes = new byte[3 * 1024 * 1024 + 17];
        new Random(7).NextBytes(bytes);
        using var inner = new MemoryStream();
        using var hashing = new HashingWriteStream(inner);

        hashing.Write(bytes, 0, 5);
        hashing.WriteByte(bytes[5]);
        hashing.Write(bytes.AsSpan(6, 1 << 20));
        hashing.Write(bytes, 6 + (1 << 20), bytes.Length - 6 - (1 << 20));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), hashing.Sha256);
        Assert.Equal(bytes, inner.ToArray());
        Assert.Equal(bytes.Length, hashing.Position);
    }

    [Fact]
    public void Sha256_WhenPastTheInlineSizeAndManyMoreChunksThanTheQueueHolds_HashesThemInWriteOrder()
    {
        // The worker hashes copies while the writer goes on; order and reused caller buffers must not matter.
        var random = new Random(11);
        var expected = new MemoryStream();
        using var inner = new MemoryStream();
        using var hashing = new HashingWriteStream(inner);
        // ~140 MB: the first 64 MiB are hashed inline, the rest by the worker.
        var buffer = new byte[1_400_000];
        for (int i = 0; i < 200; i++)
        {
            random.NextBytes(buffer);
            int length = random.Next(1, buffer.Length);
            hashing.Write(buffer, 0, length);
            expected.Write(buffer, 0, length);
        }

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(expected.ToArray())), hashing.Sha256);
        Assert.Equal(expected.ToArray(), inner.ToArray());
    }

    [Fact]
    public void Sha256_WhenNothingWasWritten_IsTheDigestOfNoBytes()
    {
        using var hashing = new HashingWriteStream(new MemoryStream());

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Array.Empty<byte>())), hashing.Sha256);
    }

    [Fact]
    public void Write_WhenTheDigestWasAlreadyTaken_Throws()
    {
        using var hashing = new HashingWriteStream(new MemoryStream());
        hashing.Write([1, 2, 3]);
        _ = hashing.Sha256;

        Assert.Throws<InvalidOperationException>(() => hashing.Write([4]));
    }

    [Fact]
    public void Seek_WhenAsked_IsRefusedBecauseTheDigestFollowsWriteOrder()
    {
        using var hashing = new HashingWriteStream(new MemoryStream());

        Assert.False(hashing.CanSeek);
        Assert.Throws<NotSupportedException>(() => hashing.Seek(0, SeekOrigin.Begin));
        Assert.Throws<NotSupportedException>(() => hashing.Position = 0);
    }
}
