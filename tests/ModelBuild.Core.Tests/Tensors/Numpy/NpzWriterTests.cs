using System.IO.Compression;
using ModelBuild.Core.Tensors;
using ModelBuild.Core.Tensors.Numpy;

namespace ModelBuild.Core.Tests.Tensors.Numpy;

public sealed class NpzWriterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Write_WhenReadBack_SameNamesOrderAndBytes()
    {
        var tensors = new[]
        {
            TensorBuilder.Sequence("output.logits", DataType.Float32, 2, 5),
            TensorBuilder.Sequence("input.ids", DataType.Int64, 3),
            TensorBuilder.Sequence("mask", DataType.Bool, 4),
            TensorBuilder.Sequence("scalar", DataType.Float64),
        };
        var path = _dir.File("ref.npz");

        NpzWriter.Write(path, tensors);
        var back = NpzReader.Read(path);

        Assert.Equal(tensors.Select(t => t.Name), back.Select(t => t.Name));
        foreach (var (written, read) in tensors.Zip(back))
        {
            Assert.Equal(written.Data.Shape, read.Data.Shape);
            Assert.Equal(written.Data.ReadAllBytes(), read.Data.ReadAllBytes());
        }
    }

    [Fact]
    public void Write_WhenNumpyArchiveRewritten_KeepsEveryArray()
    {
        var source = NpzReader.Read(TensorFixtures.PathOf("arrays_compressed.npz"));
        var path = _dir.File("copy.npz");

        NpzWriter.Write(path, source);

        foreach (var tensor in NpzReader.Read(path))
            Assert.Equal(TensorFixtures.Expected("npz", tensor.Name).GetProperty("sha256").GetString(), TensorFixtures.Sha256(tensor.Data.ReadAllBytes()));
    }

    [Fact]
    public void Write_WhenWrittenTwice_FilesAreByteIdenticalStoredAndDated1980()
    {
        var tensors = new[] { TensorBuilder.Sequence("a", DataType.Float32, 8), TensorBuilder.Sequence("b", DataType.Int8, 3) };
        var first = _dir.File("1.npz");
        var second = _dir.File("2.npz");

        NpzWriter.Write(first, tensors);
        Thread.Sleep(1100);
        NpzWriter.Write(second, tensors);

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        using var zip = ZipFile.OpenRead(first);
        Assert.All(zip.Entries, e =>
        {
            Assert.Equal(e.Length, e.CompressedLength);
            Assert.Equal(1980, e.LastWriteTime.Year);
        });
    }

    [Fact]
    public void Write_WhenTensorFails_LeavesNoFileBehind()
    {
        var missing = TensorData.FromFile(_dir.File("gone.bin"), 0, 8, DataType.Float32, [2]);

        Assert.Throws<FileNotFoundException>(() =>
            NpzWriter.Write(_dir.File("partial.npz"), [TensorBuilder.Sequence("ok", DataType.Float32, 2), new NamedTensor("bad", missing)]));

        Assert.Empty(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void Write_WhenTensorIsFileBacked64MiB_StreamsWithoutProportionalAllocation()
    {
        const long size = 64L << 20;
        var source = TensorBuilder.PatternFile(_dir.File("big.bin"), size);
        var tensor = new NamedTensor("big", TensorData.FromFile(source, 0, size, DataType.UInt8, [size]));
        NpzWriter.Write(_dir.File("warmup.npz"), [TensorBuilder.Sequence("w", DataType.Float32, 1)]);

        long before = GC.GetAllocatedBytesForCurrentThread();
        NpzWriter.Write(_dir.File("big.npz"), [tensor]);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 4 << 20, $"allocated {allocated} bytes to write {size}");
        Assert.True(new FileInfo(_dir.File("big.npz")).Length > size);
    }
}
