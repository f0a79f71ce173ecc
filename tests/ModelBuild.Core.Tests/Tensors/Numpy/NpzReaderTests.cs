using System.Buffers.Binary;
using System.IO.Compression;
using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Tensors;
using ModelBuild.Core.Tensors.Numpy;

namespace ModelBuild.Core.Tests.Tensors.Numpy;

public sealed class NpzReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("arrays.npz", "npz")]
    [InlineData("arrays_compressed.npz", "npz_compressed")]
    public void Read_WhenNumpySavez_NamesInArchiveOrderAndBytesMatch(string file, string section)
    {
        var tensors = NpzReader.Read(TensorFixtures.PathOf(file));

        Assert.Equal(TensorFixtures.ExpectedRoot.GetProperty("npz_order").EnumerateArray().Select(e => e.GetString()), tensors.Select(t => t.Name));
        foreach (var tensor in tensors)
        {
            var expected = TensorFixtures.Expected(section, tensor.Name);
            Assert.Equal(TensorFixtures.Shape(expected), tensor.Data.Shape);
            Assert.Equal(expected.GetProperty("sha256").GetString(), TensorFixtures.Sha256(tensor.Data.ReadAllBytes()));
        }
    }

    [Fact]
    public void Read_WhenDeclaredSizeAboveLimit_RefusesBeforeInflating()
    {
        // 32 MiB of zeros deflates to a few KiB: a small zip bomb.
        var bomb = NpzBytes.Npy(new NamedTensor("z", TensorData.FromBytes(new byte[32 << 20], DataType.UInt8, [32 << 20])));
        var path = Write("bomb.npz", NpzBytes.Build(("z.npy", bomb, CompressionLevel.Optimal)));
        Assert.True(new FileInfo(path).Length < 1 << 20);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var ex = AssertFails(path, "above the limit of 1048576", new NpzLimits { MaxTotalUncompressedBytes = 1 << 20 });
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains("'z.npy'", ex.Message);
        Assert.True(allocated < 1 << 20, $"allocated {allocated}");
    }

    [Fact]
    public void Read_WhenSizesInTheDirectoryLie_RefusesTheExtraBytes()
    {
        var content = NpzBytes.Npy(TensorBuilder.Sequence("x", DataType.Float32, 1000));
        var image = NpzBytes.Build(("x.npy", content, CompressionLevel.Optimal));
        // Claim a 128-byte entry in both the local header and the central directory.
        PatchUncompressedSize(image, 128);
        var path = Write("liar.npz", image);

        AssertFails(path, "'x.npy'");
    }

    [Fact]
    public void Read_WhenCrcDoesNotMatch_ReportsTheEntry()
    {
        var content = NpzBytes.Npy(TensorBuilder.Sequence("x", DataType.Float32, 16));
        var image = NpzBytes.Build(("x.npy", content, CompressionLevel.NoCompression));
        image[30 + "x.npy".Length + content.Length - 1] ^= 0xFF; // last data byte of the stored entry
        var path = Write("crc.npz", image);

        AssertFails(path, "CRC-32");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(200)]
    [InlineData(-30)]
    [InlineData(-1)]
    public void Read_WhenTruncated_ReportsNumpyInvalid(int cut)
    {
        var whole = File.ReadAllBytes(TensorFixtures.PathOf("arrays.npz"));
        var path = Write("cut.npz", whole.AsSpan(0, cut >= 0 ? cut : whole.Length + cut).ToArray());

        AssertFails(path, "");
    }

    [Fact]
    public void Read_WhenEntryDataCut_ReportsTheEntry()
    {
        // Drop bytes from the middle of the first member: the directory still parses, the member does not.
        var whole = File.ReadAllBytes(TensorFixtures.PathOf("arrays_compressed.npz"));
        var image = whole.AsSpan(0, 100).ToArray().Concat(whole.AsSpan(140).ToArray()).ToArray();
        var path = Write("hole.npz", image);

        AssertFails(path, "");
    }

    [Fact]
    public void Read_WhenNamesRepeat_ReportsTheDuplicate()
    {
        var npy = NpzBytes.Npy(TensorBuilder.Sequence("a", DataType.Int32, 2));
        var path = Write("dup.npz", NpzBytes.Build(("a.npy", npy, CompressionLevel.NoCompression), ("a.npy", npy, CompressionLevel.Optimal)));

        AssertFails(path, "appears twice");
    }

    [Fact]
    public void Read_WhenMemberIsNotNpy_ReportsTheMember()
    {
        var path = Write("other.npz", NpzBytes.Build(("readme.txt", "hi"u8.ToArray(), CompressionLevel.NoCompression)));

        AssertFails(path, "'readme.txt'");
    }

    [Fact]
    public void Read_WhenMemberHeaderIsGarbage_ReportsTheMember()
    {
        var path = Write("garbage.npz", NpzBytes.Build(("w.npy", [0x93, .."NUMPY"u8, 1, 0, 4, 0, .."abcd"u8], CompressionLevel.NoCompression)));

        var ex = AssertFails(path, "entry 'w.npy'");
        Assert.Contains("malformed .npy header", ex.Message);
    }

    [Fact]
    public void Read_WhenMoreEntriesThanLimit_Refuses()
    {
        var npy = NpzBytes.Npy(TensorBuilder.Sequence("a", DataType.UInt8, 1));
        var path = Write("many.npz", NpzBytes.Build(Enumerable.Range(0, 5).Select(i => ($"a{i}.npy", npy, CompressionLevel.NoCompression)).ToArray()));

        AssertFails(path, "5 entries", new NpzLimits { MaxEntryCount = 4 });
    }

    [Fact]
    public void Read_WhenNotAZip_ReportsNumpyInvalid()
    {
        var path = Write("plain.npz", File.ReadAllBytes(TensorFixtures.PathOf("f4.npy")));

        AssertFails(path, "not a readable zip archive");
    }

    private string Write(string name, byte[] bytes)
    {
        var path = _dir.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static void PatchUncompressedSize(byte[] image, uint size)
    {
        // Local file header: signature 0x04034b50, uncompressed size at +22; central directory entry:
        // signature 0x02014b50, uncompressed size at +24.
        for (int i = 0; i + 4 <= image.Length; i++)
        {
            uint signature = BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan(i));
            if (signature == 0x04034b50) BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(i + 22), size);
            if (signature == 0x02014b50) BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(i + 24), size);
        }
    }

    private static ModelBuildException AssertFails(string path, string fragment, NpzLimits? limits = null)
    {
        var ex = Assert.Throws<ModelBuildException>(() => NpzReader.Read(path, limits));
        Assert.Equal(DiagnosticCode.NumpyInvalid, ex.Code);
        Assert.Equal(Path.GetFullPath(path), ex.File);
        Assert.Contains(Path.GetFileName(path), ex.Message);
        Assert.Contains(fragment, ex.Message);
        return ex;
    }
}
