using ModelBuild.Core.Tensors;
using ModelBuild.Core.Tensors.Numpy;

namespace ModelBuild.Core.Tests.Tensors.Numpy;

public sealed class NpyWriterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("f4")]
    [InlineData("f8")]
    [InlineData("f2")]
    [InlineData("u1")]
    [InlineData("i1")]
    [InlineData("i2")]
    [InlineData("i4")]
    [InlineData("i8")]
    [InlineData("b1")]
    [InlineData("scalar_f4")]
    [InlineData("empty_f4")]
    public void Write_WhenNumpyFileRewritten_IsByteIdenticalToNpSave(string key)
    {
        var source = TensorFixtures.PathOf(key + ".npy");
        var path = _dir.File(key + ".npy");

        NpyWriter.Write(path, NpyReader.Read(source));

        Assert.Equal(File.ReadAllBytes(source), File.ReadAllBytes(path));
    }

    [Fact]
    public void Write_WhenFortranOrderedSource_WritesCOrderWithTheSameValues()
    {
        var path = _dir.File("c.npy");

        NpyWriter.Write(path, NpyReader.Read(TensorFixtures.PathOf("fortran_f4.npy")));
        var back = NpyReader.Read(path);

        Assert.False(NpyReader.ReadHeader(path).FortranOrder);
        Assert.Equal(TensorFixtures.Expected("npy", "fortran_f4").GetProperty("sha256").GetString(), TensorFixtures.Sha256(back.ReadAllBytes()));
    }

    [Fact]
    public void BuildHeader_WhenSmallShape_IsVersion1AlignedTo64AndEndsInNewline()
    {
        var header = NpyWriter.BuildHeader(TensorBuilder.Sequence("x", DataType.Float32, 3).Data);

        Assert.Equal(1, header[6]);
        Assert.Equal(0, header.Length % 64);
        Assert.Equal((byte)'\n', header[^1]);
    }

    [Fact]
    public void Write_WhenBFloat16_ThrowsAndCreatesNoFile()
    {
        var path = _dir.File("bf16.npy");

        Assert.Throws<ArgumentException>(() => NpyWriter.Write(path, TensorBuilder.Sequence("x", DataType.BFloat16, 2).Data));

        Assert.Empty(Directory.GetFiles(_dir.Path));
    }
}
