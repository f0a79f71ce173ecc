using System.Buffers.Binary;
using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Tensors;
using ModelBuild.Core.Tensors.Safetensors;

namespace ModelBuild.Core.Tests.Tensors.Safetensors;

public sealed class SafetensorsReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Read_WhenTorchWrittenFile_EveryTensorHasTheExpectedDtypeShapeAndBytes()
    {
        using var file = SafetensorsReader.Read(TensorFixtures.PathOf("model.safetensors"));

        var expectedNames = TensorFixtures.ExpectedRoot.GetProperty("safetensors").EnumerateObject().Select(p => p.Name).Order();
        Assert.Equal(expectedNames, file.Tensors.Select(t => t.Name).Order());
        foreach (var tensor in file.Tensors)
        {
            var expected = TensorFixtures.Expected("safetensors", tensor.Name);
            Assert.Equal(expected.GetProperty("dtype").GetString(), SafetensorsDataTypes.NameOf(tensor.Data.DataType));
            Assert.Equal(TensorFixtures.Shape(expected), tensor.Data.Shape);
            var sha = expected.GetProperty("sha256").GetString();
            Assert.Equal(sha, TensorFixtures.Sha256(file.GetBytes(tensor.Name)));
            Assert.Equal(sha, TensorFixtures.Sha256(tensor.Data.ReadAllBytes()));
        }
    }

    [Fact]
    public void Read_WhenTorchWrittenFile_ValuesDecodeToWhatTorchHeld()
    {
        using var file = SafetensorsReader.Read(TensorFixtures.PathOf("model.safetensors"));

        var weight = ValuesOf(file, "linear.weight", 4, b => BinaryPrimitives.ReadSingleLittleEndian(b));
        var bf16 = ValuesOf(file, "bf16", 2, b => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(b) << 16));
        var half = ValuesOf(file, "half", 2, b => (double)BinaryPrimitives.ReadHalfLittleEndian(b));
        var ints = ValuesOf(file, "int64", 8, b => BinaryPrimitives.ReadInt64LittleEndian(b));

        Assert.Equal(Expected("linear.weight"), weight, (a, b) => Math.Abs(a - b) < 1e-6);
        Assert.Equal(Expected("bf16"), bf16);
        Assert.Equal(Expected("half"), half);
        Assert.Equal(Expected("int64"), ints);
        Assert.Equal([1.0, 0.0, 1.0], ValuesOf(file, "flags", 1, b => b[0]));
    }

    [Fact]
    public void Read_WhenTorchWrittenFile_TensorsAreFileRegionsInDataOrder()
    {
        var path = TensorFixtures.PathOf("model.safetensors");
        using var file = SafetensorsReader.Read(path);

        Assert.Equal(TensorFixtures.ExpectedRoot.GetProperty("safetensors_order").EnumerateArray().Select(e => e.GetString()),
            file.Tensors.Select(t => t.Name));
        long next = file.DataStart;
        foreach (var tensor in file.Tensors)
        {
            Assert.Equal(Path.GetFullPath(path), tensor.Data.SourcePath);
            Assert.Equal(next, tensor.Data.Offset);
            next += tensor.Data.Length;
        }
        Assert.Equal(new FileInfo(path).Length, next);
        Assert.Equal("pt", file.Metadata["format"]);
        Assert.Equal(0, file.DataStart % 8);
    }

    [Fact]
    public void Read_WhenScalarAndEmptyTensors_ShapesAreKept()
    {
        using var file = SafetensorsReader.Read(TensorFixtures.PathOf("model.safetensors"));

        Assert.True(file.TryGetTensor("scalar", out var scalar));
        Assert.Empty(scalar.Data.Shape);
        Assert.Equal(2.25f, BinaryPrimitives.ReadSingleLittleEndian(file.GetBytes("scalar")));
        Assert.True(file.TryGetTensor("empty", out var empty));
        Assert.Equal([0L, 3L], empty.Data.Shape);
        Assert.Equal(0, file.GetBytes("empty").Length);
    }

    [Fact]
    public void GetBytes_WhenDisposed_Throws()
    {
        var file = SafetensorsReader.Read(TensorFixtures.PathOf("model.safetensors"));
        _ = file.GetBytes("linear.bias");
        file.Dispose();

        Assert.Throws<ObjectDisposedException>(() => file.GetBytes("linear.bias").Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(7)]
    public void Read_WhenShorterThanLengthPrefix_ReportsHeaderError(int length)
    {
        var path = _dir.File("short.safetensors");
        File.WriteAllBytes(path, new byte[length]);

        AssertFails(path, DiagnosticCode.SafetensorsHeader, $"{length} bytes");
    }

    [Theory]
    [InlineData(12, "runs past the end")]
    [InlineData(100, "runs past the end")]
    [InlineData(-10, "data section holds only")]
    [InlineData(-1, "data section holds only")]
    public void Read_WhenTruncated_ReportsWhereItEnds(int cut, string fragment)
    {
        // Positive: keep that many bytes (inside the header); negative: drop that many from the data section.
        var whole = File.ReadAllBytes(TensorFixtures.PathOf("model.safetensors"));
        var path = _dir.File("truncated.safetensors");
        File.WriteAllBytes(path, whole.AsSpan(0, cut > 0 ? cut : whole.Length + cut).ToArray());

        var code = cut > 0 ? DiagnosticCode.SafetensorsHeader : DiagnosticCode.SafetensorsRange;
        AssertFails(path, code, fragment);
    }

    [Fact]
    public void Read_WhenHeaderLengthIsZero_ReportsHeaderError()
    {
        var path = SafetensorsBytes.Write(_dir, "{}", 0, declaredLength: 0);

        AssertFails(path, DiagnosticCode.SafetensorsHeader, "header length is 0");
    }

    [Fact]
    public void Read_WhenHeaderLengthIsHuge_RefusesWithoutAllocating()
    {
        var path = SafetensorsBytes.Write(_dir, "{}", 0, declaredLength: 1UL << 62);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var ex = AssertFails(path, DiagnosticCode.SafetensorsHeader, "4611686018427387904");
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains("above the limit", ex.Message);
        Assert.True(allocated < 1 << 20, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Read_WhenHeaderLengthHasTopBitSet_ReportsHeaderErrorNotNegative()
    {
        var path = SafetensorsBytes.Write(_dir, "{}", 0, declaredLength: ulong.MaxValue);

        AssertFails(path, DiagnosticCode.SafetensorsHeader, "18446744073709551615");
    }

    [Fact]
    public void Read_WhenHeaderAboveConfiguredLimit_ReportsTheLimit()
    {
        var header = """{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}""";
        var path = SafetensorsBytes.Write(_dir, header, 4);

        var ex = Assert.Throws<ModelBuildException>(() => SafetensorsReader.Read(path, new SafetensorsLimits { MaxHeaderBytes = 16 }));

        Assert.Equal(DiagnosticCode.SafetensorsHeader, ex.Code);
        Assert.Contains("limit of 16", ex.Message);
    }

    [Theory]
    [InlineData("{\"a\":", "not valid JSON")]
    [InlineData("[1,2]", "must be a JSON object")]
    [InlineData("\"text\"", "must be a JSON object")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}", "lacks data_offsets")]
    [InlineData("{\"a\":{\"shape\":[1],\"data_offsets\":[0,4]}}", "lacks dtype")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", "holds -1")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1.5],\"data_offsets\":[0,4]}}", "holds 1.5")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[\"1\"],\"data_offsets\":[0,4]}}", "not a non-negative")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,-4]}}", "holds -4")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4,8]}}", "[begin, end]")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,99999999999999999999]}}", "not a non-negative")]
    [InlineData("{\"a\":{\"dtype\":7,\"shape\":[1],\"data_offsets\":[0,4]}}", "dtype must be a string")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":1,\"data_offsets\":[0,4]}}", "shape must be an array")]
    [InlineData("{\"a\":[]}", "must be an object")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", "'dtype' twice")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", "'a' appears twice")]
    [InlineData("{\"__metadata__\":{\"k\":1}}", "metadata 'k' must be a string")]
    [InlineData("{\"__metadata__\":[]}", "must be an object of strings")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[[[1]]],\"data_offsets\":[0,4]}}", "not valid JSON")]
    public void Read_WhenHeaderMalformed_ReportsHeaderError(string header, string fragment)
    {
        var path = SafetensorsBytes.Write(_dir, header, 4);

        AssertFails(path, DiagnosticCode.SafetensorsHeader, fragment);
    }

    [Fact]
    public void Read_WhenHeaderIsNotUtf8_ReportsHeaderError()
    {
        var image = SafetensorsBytes.Build("{\"\u00e9\":1}", 0);
        image[10] = 0xFF;
        var path = _dir.File("latin.safetensors");
        File.WriteAllBytes(path, image);

        AssertFails(path, DiagnosticCode.SafetensorsHeader, "not valid UTF-8");
    }

    [Theory]
    [InlineData("F8_E4M3")]
    [InlineData("F8_E5M2")]
    [InlineData("C64")]
    [InlineData("f32")]
    public void Read_WhenDtypeUnknown_ReportsUnknownDataType(string dtype)
    {
        var path = SafetensorsBytes.Write(_dir, $"{{\"w\":{{\"dtype\":\"{dtype}\",\"shape\":[4],\"data_offsets\":[0,4]}}}}", 4);

        var ex = AssertFails(path, DiagnosticCode.UnknownDataType, $"'{dtype}'");
        Assert.Contains("'w'", ex.Message);
    }

    [Fact]
    public void Read_WhenTensorsOverlap_ReportsBothTensors()
    {
        var header = """{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}""";
        var path = SafetensorsBytes.Write(_dir, header, 12);

        var ex = AssertFails(path, DiagnosticCode.SafetensorsRange, "overlaps");
        Assert.Contains("'a' [0, 8]", ex.Message);
        Assert.Contains("'b' [4, 12]", ex.Message);
    }

    [Fact]
    public void Read_WhenOneTensorContainsAnother_ReportsOverlap()
    {
        var header = """{"big":{"dtype":"U8","shape":[16],"data_offsets":[0,16]},"mid":{"dtype":"U8","shape":[2],"data_offsets":[8,10]},"after":{"dtype":"U8","shape":[2],"data_offsets":[12,14]}}""";
        var path = SafetensorsBytes.Write(_dir, header, 16);

        AssertFails(path, DiagnosticCode.SafetensorsRange, "overlaps tensor 'big'");
    }

    [Fact]
    public void Read_WhenOffsetsBeyondDataSection_ReportsSizes()
    {
        var header = """{"a":{"dtype":"F32","shape":[4],"data_offsets":[8,24]}}""";
        var path = SafetensorsBytes.Write(_dir, header, 16);

        var ex = AssertFails(path, DiagnosticCode.SafetensorsRange, "[8, 24]");
        Assert.Contains("only 16 bytes", ex.Message);
    }

    [Fact]
    public void Read_WhenBeginAfterEnd_ReportsRangeError()
    {
        var path = SafetensorsBytes.Write(_dir, """{"a":{"dtype":"F32","shape":[0],"data_offsets":[8,4]}}""", 8);

        AssertFails(path, DiagnosticCode.SafetensorsRange, "begin is after end");
    }

    [Theory]
    [InlineData("[3]", "needs 12 bytes")]
    [InlineData("[1099511627776,1099511627776]", "needs 9223372036854775807 bytes")]
    [InlineData("[]", "needs 4 bytes")]
    public void Read_WhenShapeDisagreesWithBytes_ReportsExpectedAndActual(string shape, string fragment)
    {
        var path = SafetensorsBytes.Write(_dir, $"{{\"w\":{{\"dtype\":\"F32\",\"shape\":{shape},\"data_offsets\":[0,8]}}}}", 8);

        var ex = AssertFails(path, DiagnosticCode.ShapeByteMismatch, fragment);
        Assert.Contains("span 8 bytes", ex.Message);
    }

    [Fact]
    public void Read_WhenGapsBetweenTensorsAndUnknownFields_Accepts()
    {
        // Gaps and extra fields are tolerated, as the reference reader tolerates unknown fields.
        var header = """{"a":{"dtype":"U8","shape":[2],"data_offsets":[0,2],"extra":1},"b":{"dtype":"U8","shape":[2],"data_offsets":[4,6]}}""";
        var path = SafetensorsBytes.Write(_dir, header, 8);

        using var file = SafetensorsReader.Read(path);

        Assert.Equal([(byte)4, (byte)5], file.GetBytes("b").ToArray());
        Assert.Empty(file.Metadata);
    }

    private static ModelBuildException AssertFails(string path, DiagnosticCode code, string fragment)
    {
        var ex = Assert.Throws<ModelBuildException>(() => SafetensorsReader.Read(path).Dispose());
        Assert.Equal(code, ex.Code);
        Assert.Equal(Path.GetFullPath(path), ex.File);
        Assert.Contains(Path.GetFileName(path), ex.Message);
        Assert.Contains(fragment, ex.Message);
        return ex;
    }

    private static double[] Expected(string name) =>
        TensorFixtures.Expected("safetensors", name).GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();

    private static double[] ValuesOf(SafetensorsFile file, string name, int size, Func<ReadOnlySpan<byte>, double> decode)
    {
        var bytes = file.GetBytes(name);
        var values = new double[bytes.Length / size];
        for (int i = 0; i < values.Length; i++) values[i] = decode(bytes.Slice(i * size, size));
        return values;
    }
}
