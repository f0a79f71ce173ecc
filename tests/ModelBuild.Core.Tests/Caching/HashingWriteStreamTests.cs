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
