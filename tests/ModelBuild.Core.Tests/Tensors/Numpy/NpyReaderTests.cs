using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Tensors;
using ModelBuild.Core.Tensors.Numpy;

namespace ModelBuild.Core.Tests.Tensors.Numpy;

public sealed class NpyReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> NumpyFixtures() =>
        new(TensorFixtures.ExpectedRoot.GetProperty("npy").EnumerateObject().Select(p => p.Name));

    [Theory]
    [MemberData(nameof(NumpyFixtures))]
    public void Read_WhenNumpySavedFile_DtypeShapeAndCOrderBytesMatch(string key)
    {
        var expected = TensorFixtures.Expected("npy", key);

        var tensor = NpyReader.Read(TensorFixtures.PathOf(key + ".npy"));

        var descr = expected.GetProperty("dtype").GetString()!;
        Assert.True(NpyDataTypes.TryParse(descr, out var type, out _), descr);
        Assert.Equal(type, tensor.DataType);
        Assert.Equal(TensorFixtures.Shape(expected), tensor.Shape);
        Assert.Equal(expected.GetProperty("sha256").GetString(), TensorFixtures.Sha256(tensor.ReadAllBytes()));
    }

    [Fact]
    public void Read_WhenLittleEndianCOrder_StaysAFileRegion()
    {
        var path = TensorFixtures.PathOf("f4.npy");

        var tensor = NpyReader.Read(path);

        Assert.Equal(Path.GetFullPath(path), tensor.SourcePath);
        Assert.Equal(new FileInfo(path).Length - 24, tensor.Offset);
        Assert.True(tensor.IsContiguous);
    }

    [Fact]
    public void Read_WhenFortranOrder_IsFileRegionWithColumnMajorStrides()
    {
        var tensor = NpyReader.Read(TensorFixtures.PathOf("fortran_f4.npy"));

        Assert.False(tensor.IsInMemory);
        Assert.Equal([1L, 2L, 6L], tensor.Strides!);
        var values = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(tensor.ReadAllBytes()).ToArray();
        Assert.Equal(Enumerable.Range(0, 24).Select(i => (float)i), values);
    }

    [Fact]
    public void Read_WhenBigEndian_ConvertsToLittleEndianInMemory()
    {
        var tensor = NpyReader.Read(TensorFixtures.PathOf("bigendian_i4.npy"));

        Assert.True(tensor.IsInMemory);
        Assert.Equal([0, 1, 2, 3, 4, 5], System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(tensor.ReadAllBytes()).ToArray());
    }

    [Fact]
    public void ReadHeader_WhenVersion2File_ReportsVersionAndAlignedDataOffset()
    {
        var header = NpyReader.ReadHeader(TensorFixtures.PathOf("v2_f4.npy"));

        Assert.Equal(2, header.MajorVersion);
        Assert.Equal(0, header.DataOffset % 64);
    }

    [Theory]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", 8, 1)]
    [InlineData("{\"descr\":\"<f4\",\"fortran_order\":False,\"shape\":(1,2)}\n", 8, 3)]
    [InlineData("{'shape': (), 'descr': '|b1', 'fortran_order': True}   \n", 1, 2)]
    [InlineData("{'descr': '=i2', 'fortran_order': False, 'shape': (0, 5), }", 0, 1)]
    public void Read_WhenHeaderVariantsNumpyAccepts_Reads(string header, int dataBytes, int major)
    {
        var path = _dir.File("ok.npy");
        File.WriteAllBytes(path, NpyBytes.Build(header, dataBytes, major));

        var tensor = NpyReader.Read(path);

        Assert.Equal(dataBytes, tensor.ByteLength);
    }

    [Theory]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", "not-np", "magic")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (2,)", null, "expected '}'")]
    [InlineData("{'descr': '<f4', 'fortran_order': False}", null, "lacks 'shape'")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'extra': 1}", null, "unexpected key 'extra'")]
    [InlineData("{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (2,)}", null, "'descr' appears twice")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (-2,)}", null, "non-negative integers")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (2)}", null, "trailing comma")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': [2]}", null, "expected '('")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (2.0,)}", null, "expected ',' or ')'")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,)}", null, "more than 18 digits")]
    [InlineData("{'descr': '<f4', 'fortran_order': 0, 'shape': (2,)}", null, "True or False")]
    [InlineData("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,)}", null, "quoted string")]
    [InlineData("{'descr': '<c8', 'fortran_order': False, 'shape': (2,)}", null, "dtype '<c8' is not supported")]
    [InlineData("{'descr': '|f4', 'fortran_order': False, 'shape': (2,)}", null, "dtype '|f4' is not supported")]
    [InlineData("{'descr': '<U3', 'fortran_order': False, 'shape': (2,)}", null, "dtype '<U3' is not supported")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (2,)} junk", null, "unexpected text")]
    [InlineData("__import__('os').system('true')", null, "expected '{'")]
    [InlineData("{'descr': 'a\\x00', 'fortran_order': False, 'shape': (2,)}", null, "escape")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (1099511627776, 1099511627776)}", null, "overflows")]
    [InlineData("\u0000\u0001\u00ff\u0093garbage", null, "expected '{'")]
    public void Read_WhenHeaderIsGarbage_ReportsNumpyInvalid(string header, string? magic, string fragment)
    {
        var path = _dir.File("bad.npy");
        File.WriteAllBytes(path, magic is null ? NpyBytes.Build(header, 8) : NpyBytes.Build(header, 8, magic: magic.PadRight(6)[..6]));

        AssertFails(path, fragment);
    }

    [Fact]
    public void Read_WhenShapeOfThousandDimensions_StopsAtTheRankLimit()
    {
        var header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + string.Concat(Enumerable.Repeat("1, ", 1000)) + ")}";
        var path = _dir.File("deep.npy");
        File.WriteAllBytes(path, NpyBytes.Build(header, 4));

        AssertFails(path, "more than 64 dimensions");
    }

    [Theory]
    [InlineData(4, null, "version 4.0")]
    [InlineData(2, 1u << 30, "above the limit")]
    [InlineData(1, 60000u, "only")]
    public void Read_WhenPreambleLies_ReportsNumpyInvalid(int major, uint? declaredLength, string fragment)
    {
        var image = NpyBytes.Build("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", 8, Math.Min(major, 3), declaredLength);
        image[6] = (byte)major;
        var path = _dir.File("lies.npy");
        File.WriteAllBytes(path, image);

        AssertFails(path, fragment);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(9)]
    [InlineData(40)]
    [InlineData(-1)]
    public void Read_WhenTruncated_ReportsNumpyInvalid(int cut)
    {
        var whole = File.ReadAllBytes(TensorFixtures.PathOf("f4.npy"));
        var path = _dir.File("cut.npy");
        File.WriteAllBytes(path, whole.AsSpan(0, cut >= 0 ? cut : whole.Length + cut).ToArray());

        AssertFails(path, "");
    }

    [Theory]
    [InlineData(4, "needs 8 data bytes")]
    [InlineData(12, "but 12 are present")]
    public void Read_WhenDataLengthDisagreesWithShape_ReportsExpectedAndActual(int dataBytes, string fragment)
    {
        var path = _dir.File("size.npy");
        File.WriteAllBytes(path, NpyBytes.Build("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", dataBytes));

        AssertFails(path, fragment);
    }

    private static ModelBuildException AssertFails(string path, string fragment)
    {
        var ex = Assert.Throws<ModelBuildException>(() => NpyReader.Read(path));
        Assert.Equal(DiagnosticCode.NumpyInvalid, ex.Code);
        Assert.Equal(Path.GetFullPath(path), ex.File);
        Assert.Contains(Path.GetFileName(path), ex.Message);
        Assert.Contains(fragment, ex.Message);
        return ex;
    }
}
