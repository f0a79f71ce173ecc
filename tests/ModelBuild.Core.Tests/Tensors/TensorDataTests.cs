using ModelBuild.Core.Tensors;
using ModelBuild.Core.Tests.TestSupport;

namespace ModelBuild.Core.Tests.Tensors;

/// <summary>
/// The lazy rearrangements of <see cref="TensorData"/> lowerings use for weights (an RNN's gate blocks):
/// <see cref="TensorData.FlatSlice"/> narrows a region without reading it, <see cref="TensorData.Concat"/> lays
/// parts end to end, and both stream the same bytes a materialized copy would hold.
/// </summary>
public sealed class TensorDataTests
{
    [Fact]
    public void FlatSlice_WhenFileBacked_NarrowsTheRegionWithoutReading()
    {
        using var dir = new TempDirectory();
        var path = TensorBuilder.PatternFile(dir.File("w.bin"), 64);
        var data = TensorData.FromFile(path, 8, 48, DataType.Float32, [4, 3]);

        var rows = data.FlatSlice(6, 3, [1, 3]);

        Assert.Equal(path, rows.SourcePath);
        Assert.Equal(8 + 6 * 4, rows.Offset);
        Assert.Equal(12, rows.Length);
        Assert.Equal(data.ReadAllBytes().AsSpan(24, 12).ToArray(), rows.ReadAllBytes());
    }

    [Fact]
    public void FlatSlice_WhenInMemory_SlicesTheBuffer()
    {
        var data = TensorBuilder.Sequence("w", DataType.Float32, 4, 3).Data;

        var rows = data.FlatSlice(3, 6, [2, 3]);

        Assert.True(rows.IsInMemory);
        Assert.Equal(data.ReadAllBytes().AsSpan(12, 24).ToArray(), rows.ReadAllBytes());
    }

    [Fact]
    public void FlatSlice_WhenBeyondTheTensor_Throws()
    {
        var data = TensorBuilder.Sequence("w", DataType.Float32, 4, 3).Data;

        Assert.Throws<ArgumentOutOfRangeException>(() => data.FlatSlice(9, 6, [2, 3]));
    }

    [Fact]
    public void Concat_WhenPartsReordered_StreamsThemInTheNewOrder()
    {
        using var dir = new TempDirectory();
        var path = TensorBuilder.PatternFile(dir.File("w.bin"), 48);
        var data = TensorData.FromFile(path, 0, 48, DataType.Float32, [4, 3]);
        var bytes = data.ReadAllBytes();

        var swapped = TensorData.Concat([data.FlatSlice(6, 6, [2, 3]), data.FlatSlice(0, 6, [2, 3])], [1, 4, 3]);

        Assert.False(swapped.IsInMemory);
        Assert.Equal(2, swapped.Parts!.Count);
        Assert.Equal(48, swapped.ByteLength);
        Assert.Equal(bytes[24..].Concat(bytes[..24]).ToArray(), swapped.ReadAllBytes());
        using var stream = new MemoryStream();
        swapped.CopyTo(stream);
        Assert.Equal(swapped.ReadAllBytes(), stream.ToArray());
    }

    [Fact]
    public void Concat_WhenShapeDoesNotHoldTheParts_Throws()
    {
        var data = TensorBuilder.Sequence("w", DataType.Float32, 4, 3).Data;

        Assert.Throws<ArgumentException>(() => TensorData.Concat([data, data], [4, 3]));
    }
}
