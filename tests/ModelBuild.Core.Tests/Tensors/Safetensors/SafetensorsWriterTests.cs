using ModelBuild.Core.Tensors;
using ModelBuild.Core.Tensors.Safetensors;

namespace ModelBuild.Core.Tests.Tensors.Safetensors;

public sealed class SafetensorsWriterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Write_WhenReadBack_SameNamesShapesAndBytesInGivenOrder()
    {
        var tensors = new[]
        {
            TensorBuilder.Sequence("z.last", DataType.Float16, 3),
            TensorBuilder.Sequence("a.first", DataType.Float32, 2, 3),
            TensorBuilder.Sequence("flags", DataType.Bool, 5),
            TensorBuilder.Sequence("scalar", DataType.Int64),
            TensorBuilder.Sequence("empty", DataType.BFloat16, 0, 4),
            TensorBuilder.Sequence("ünïcode \"name\"", DataType.UInt16, 2),
        };
        var path = _dir.File("out.safetensors");

        SafetensorsWriter.Write(path, tensors, new Dictionary<string, string> { ["format"] = "pt", ["b"] = "2" });
        using var file = SafetensorsReader.Read(path);

        Assert.Equal(tensors.Select(t => t.Name), file.Tensors.Select(t => t.Name));
        foreach (var (written, read) in tensors.Zip(file.Tensors))
        {
            Assert.Equal(written.Data.DataType, read.Data.DataType);
            Assert.Equal(written.Data.Shape, read.Data.Shape);
            Assert.Equal(written.Data.ReadAllBytes(), file.GetBytes(read.Name).ToArray());
        }
        Assert.Equal("pt", file.Metadata["format"]);
        Assert.Equal(0, file.DataStart % 8);
    }

    [Fact]
    public void Write_WhenTorchFixtureRewritten_ReaderSeesIdenticalTensors()
    {
        using var source = SafetensorsReader.Read(TensorFixtures.PathOf("model.safetensors"));
        var path = _dir.File("copy.safetensors");

        SafetensorsWriter.Write(path, source.Tensors, source.Metadata);
        using var copy = SafetensorsReader.Read(path);

        foreach (var tensor in source.Tensors)
            Assert.True(source.GetBytes(tensor.Name).SequenceEqual(copy.GetBytes(tensor.Name)), tensor.Name);
        Assert.Equal(source.Metadata.OrderBy(p => p.Key), copy.Metadata.OrderBy(p => p.Key));
    }

    [Fact]
    public void Write_WhenMetadataGiven_HeaderIsCompactJsonWithSortedMetadataFirstAndPaddedTo8()
    {
        var header = SafetensorsWriter.BuildHeader([TensorBuilder.Sequence("w", DataType.Float32, 2)],
            new Dictionary<string, string> { ["source"] = "s", ["format"] = "pt" });
        var text = System.Text.Encoding.UTF8.GetString(header);

        Assert.Equal("{\"__metadata__\":{\"format\":\"pt\",\"source\":\"s\"},\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", text.TrimEnd(' '));
        Assert.Equal(0, header.Length % 8);
    }

    [Fact]
    public void Write_WhenWrittenTwice_FilesAreByteIdentical()
    {
        var tensors = new[] { TensorBuilder.Sequence("w", DataType.Float32, 4, 4), TensorBuilder.Sequence("b", DataType.Int8, 3) };
        var meta = new Dictionary<string, string> { ["z"] = "1", ["a"] = "2" };
        var first = _dir.File("1.safetensors");
        var second = _dir.File("2.safetensors");

        SafetensorsWriter.Write(first, tensors, meta);
        SafetensorsWriter.Write(second, tensors.ToList(), new Dictionary<string, string>(meta.Reverse()));

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public void Write_WhenTensorFails_LeavesNoFileBehind()
    {
        var missing = TensorData.FromFile(_dir.File("does-not-exist.bin"), 0, 16, DataType.Float32, [4]);
        var path = _dir.File("partial.safetensors");

        Assert.Throws<FileNotFoundException>(() =>
            SafetensorsWriter.Write(path, [TensorBuilder.Sequence("ok", DataType.Float32, 2), new NamedTensor("bad", missing)]));

        Assert.Empty(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void Write_WhenTargetExistsAndWriteFails_KeepsTheOldFile()
    {
        var path = _dir.File("keep.safetensors");
        File.WriteAllText(path, "old");
        var missing = TensorData.FromFile(_dir.File("nope.bin"), 0, 4, DataType.Float32, [1]);

        Assert.ThrowsAny<IOException>(() => SafetensorsWriter.Write(path, [new NamedTensor("bad", missing)]));

        Assert.Equal("old", File.ReadAllText(path));
    }

    [Fact]
    public void Write_WhenNamesRepeat_ThrowsBeforeCreatingTheFile()
    {
        var path = _dir.File("dup.safetensors");

        Assert.Throws<ArgumentException>(() =>
            SafetensorsWriter.Write(path, [TensorBuilder.Sequence("x", DataType.Float32, 1), TensorBuilder.Sequence("x", DataType.Float32, 1)]));

        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Write_WhenTensorIsFileBacked64MiB_StreamsWithoutProportionalAllocation()
    {
        const long size = 64L << 20;
        var source = TensorBuilder.PatternFile(_dir.File("big.bin"), size + 100);
        var tensor = new NamedTensor("big", TensorData.FromFile(source, 100, size, DataType.Float32, [size / 4]));
        var path = _dir.File("big.safetensors");
        SafetensorsWriter.Write(_dir.File("warmup.safetensors"), [TensorBuilder.Sequence("w", DataType.Float32, 1)]);

        long before = GC.GetAllocatedBytesForCurrentThread();
        SafetensorsWriter.Write(path, [tensor]);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 4 << 20, $"allocated {allocated} bytes to write {size}");
        using var file = SafetensorsReader.Read(path);
        Assert.Equal(size, file.Tensors[0].Data.Length);
        Assert.True(file.GetBytes("big")[..4096].SequenceEqual(File.ReadAllBytes(source).AsSpan(100, 4096)));
    }
}
