using System.Buffers.Binary;
using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Importers.PyTorch;
using ModelBuild.Core.Tensors;
using ModelBuild.Core.Tensors.Numpy;
using ModelBuild.Core.Tests.TestSupport;

namespace ModelBuild.Core.Tests.Importers.PyTorch;

public sealed class PyTorchReaderTests
{
    private static string Fixture(string relative) => Path.Combine(RepositoryRoot.Path, "tests", "fixtures", relative);

    private static double[] Values(TensorData data)
    {
        var bytes = data.ReadAllBytes();
        int n = (int)data.ElementCount;
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = data.DataType switch
            {
                DataType.Float32 => BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * 4)),
                DataType.Float64 => BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(i * 8)),
                DataType.Float16 => (double)BinaryPrimitives.ReadHalfLittleEndian(bytes.AsSpan(i * 2)),
                DataType.BFloat16 => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i * 2)) << 16),
                DataType.Int8 => (sbyte)bytes[i],
                DataType.UInt8 or DataType.Bool => bytes[i],
                DataType.Int16 => BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(i * 2)),
                DataType.Int32 => BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(i * 4)),
                DataType.Int64 => BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(i * 8)),
                _ => throw new NotSupportedException(data.DataType.ToString()),
            };
        }
        return values;
    }

    private static void AssertMatchesExpected(string pt, string npz)
    {
        var file = PyTorchReader.Read(Fixture(pt));
        var expected = NpzReader.Read(Fixture(npz)).ToDictionary(t => t.Name, t => t.Data);
        Assert.Equal(expected.Keys.Order(), file.Tensors.Select(t => t.Name).Order());
        foreach (var tensor in file.Tensors)
        {
            Assert.Equal(expected[tensor.Name].Shape, tensor.Data.Shape);
            Assert.Equal(Values(expected[tensor.Name]), Values(tensor.Data));
        }
    }

    [Fact]
    public void Read_WhenViewsShareStorageAtOffsetsAndStrides_MaterializesPyTorchsValues() =>
        AssertMatchesExpected("pytorch/views.pt", "pytorch/views.expected.npz");

    [Fact]
    public void Read_WhenEveryDtype_MatchesPyTorchsValues() =>
        AssertMatchesExpected("pytorch/dtypes.pt", "pytorch/dtypes.expected.npz");

    [Theory]
    [InlineData("finetune/finetuned.state_dict.pt", PyTorchFormat.TorchSave)]
    [InlineData("finetune/finetuned.legacy.pt", PyTorchFormat.Legacy)]
    [InlineData("finetune/finetuned.checkpoint.pt", PyTorchFormat.TorchSave)]
    public void Extract_WhenStateDictInAnyContainer_EqualsTheNpzWeights(string pt, PyTorchFormat format)
    {
        var file = PyTorchReader.Read(Fixture(pt));
        var weights = PyTorchStateDict.Extract(file);
        var expected = NpzReader.Read(Fixture("finetune/finetuned.npz")).ToDictionary(t => t.Name, t => t.Data);

        Assert.Equal(format, file.Format);
        Assert.Equal(["conv.weight", "conv.bias", "fc.weight", "fc.bias"], weights.Select(w => w.Name));
        foreach (var w in weights) Assert.Equal(Values(expected[w.Name]), Values(w.Data));
    }

    [Fact]
    public void Read_WhenStoredZipRecord_TensorIsFileBackedAtTheRecordsDataOffset()
    {
        var file = PyTorchReader.Read(Fixture("finetune/finetuned.state_dict.pt"));
        var data = PyTorchStateDict.Extract(file)[2].Data;

        Assert.False(data.IsInMemory);
        Assert.Equal(0, data.Offset % 64); // PyTorch aligns records to 64 bytes
        Assert.Equal(3, file.Version);
    }

    [Fact]
    public void Read_WhenTorchScriptArchive_NamesWeightsByAttributeAndExtractIsUnsupported()
    {
        var file = PyTorchReader.Read(Fixture("finetune/finetuned.traced.pt"));

        Assert.Equal(PyTorchFormat.TorchScript, file.Format);
        Assert.Equal(["conv.weight", "conv.bias", "fc.weight", "fc.bias"], file.Tensors.Select(t => t.Name));
        Assert.Contains("__torch__.torch.nn.modules.conv.Conv2d", file.Classes);
        Assert.Equal(DiagnosticCode.UnsupportedFeature, Assert.Throws<ModelBuildException>(() => PyTorchStateDict.Extract(file)).Code);
    }

    [Fact]
    public void Extract_WhenWholeModulePickled_ListsItsClasses()
    {
        var file = PyTorchReader.Read(Fixture("finetune/finetuned.module.pt"));

        var error = Assert.Throws<ModelBuildException>(() => PyTorchStateDict.Extract(file));

        Assert.Equal(DiagnosticCode.PyTorchWholeModule, error.Code);
        Assert.Contains("__main__.SmallClassifier", error.Message);
        Assert.Contains("torch.nn.modules.linear.Linear", error.Message);
        Assert.Contains("torch.jit.trace", error.Message);
    }

    [Fact]
    public void Read_WhenRootFolderHasAnyName_AndVersionIsUnderData_Reads()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "m.pt");
        var pickle = PickleBytes.StateDict("w", "0", 2, 0, [2], [1]);
        File.WriteAllBytes(path, PickleBytes.Archive(pickle, new Dictionary<string, byte[]> { ["0"] = PickleBytes.Floats(1, 2) }, root: "whatever_name", versionRecord: ".data/version"));

        var file = PyTorchReader.Read(path);

        Assert.Equal(3, file.Version);
        Assert.Equal([1.0, 2.0], Values(PyTorchStateDict.Extract(file)[0].Data));
    }

    public static TheoryData<string, int, int, int[], int[], int, string> BadStorages() => new()
    {
        // name, declared numel, offset, size, stride, bytes in the record, expected code
        { "storage smaller than declared", 4, 0, [4], [1], 8, "MBLD1154" },
        { "view past the storage end", 4, 2, [3], [1], 16, "MBLD1154" },
        { "stride reaches outside", 4, 0, [2, 2], [4, 1], 16, "MBLD1154" },
        { "huge numel", int.MaxValue, 0, [1], [1], 4, "MBLD1154" },
    };

    [Theory]
    [MemberData(nameof(BadStorages))]
    public void Read_WhenStorageOrViewIsInconsistent_RefusesNamingTheStorage(string name, int numel, int offset, int[] size, int[] stride, int bytes, string code)
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "bad.pt");
        File.WriteAllBytes(path, PickleBytes.Archive(PickleBytes.StateDict("w", "0", numel, offset, size, stride), new Dictionary<string, byte[]> { ["0"] = new byte[bytes] }));

        var error = Assert.Throws<ModelBuildException>(() => PyTorchReader.Read(path));

        Assert.True(error.Code.Id == code, $"{name}: {error.Code.Id} {error.Message}");
        Assert.Contains("0", error.Message);
    }

    [Fact]
    public void Read_WhenRecordOutsideTheRootFolder_IsInvalid()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "two-roots.pt");
        using (var zip = new System.IO.Compression.ZipArchive(File.Create(path), System.IO.Compression.ZipArchiveMode.Create))
        {
            zip.CreateEntry("a/data.pkl");
            zip.CreateEntry("b/data/0");
        }

        Assert.Equal(DiagnosticCode.PyTorchArchiveInvalid, Assert.Throws<ModelBuildException>(() => PyTorchReader.Read(path)).Code);
    }

    [Theory]
    [InlineData("archive_format", "PT2")]
    [InlineData("model.json", "model.json")]
    [InlineData("bytecode.pkl", "lite-interpreter")]
    public void Open_WhenFormatIsNotReadYet_IsUnsupported(string record, string named)
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "x.pt");
        using (var zip = new System.IO.Compression.ZipArchive(File.Create(path), System.IO.Compression.ZipArchiveMode.Create))
        {
            zip.CreateEntry($"x/{record}");
            zip.CreateEntry("x/data.pkl");
        }

        var error = Assert.Throws<ModelBuildException>(() => PyTorchArchive.Open(path));

        Assert.Equal(DiagnosticCode.UnsupportedFeature, error.Code);
        Assert.Contains(named, error.Message);
    }

    [Theory]
    [InlineData("finetune/finetuned.state_dict.pt")]
    [InlineData("finetune/finetuned.legacy.pt")]
    [InlineData("finetune/finetuned.traced.pt")]
    public void Read_WhenTruncatedAnywhere_ThrowsOnlyModelBuildExceptions(string fixture)
    {
        var bytes = File.ReadAllBytes(Fixture(fixture));
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "cut.pt");
        for (int keep = 0; keep < bytes.Length; keep += Math.Max(1, bytes.Length / 97))
        {
            File.WriteAllBytes(path, bytes[..keep]);
            var error = Assert.Throws<ModelBuildException>(() => { var f = PyTorchReader.Read(path); _ = f.Tensors; });
            Assert.True(error.Code.Exit == ExitCode.InvalidInput, $"kept {keep}: {error.Code.Id} {error.Message}");
        }
    }

    [Theory]
    [InlineData("finetune/finetuned.state_dict.pt")]
    [InlineData("finetune/finetuned.legacy.pt")]
    public void Read_WhenBitsFlipped_ReadsOrThrowsModelBuildException(string fixture)
    {
        var original = File.ReadAllBytes(Fixture(fixture));
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "flipped.pt");
        var random = new Random(1234);
        for (int round = 0; round < 300; round++)
        {
            var bytes = (byte[])original.Clone();
            for (int k = 0; k < 3; k++) bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
            File.WriteAllBytes(path, bytes);
            try
            {
                var file = PyTorchReader.Read(path);
                foreach (var t in file.Tensors) _ = t.Data.ByteLength;
            }
            catch (ModelBuildException)
            {
                // The contract: a coded, named error. Anything else fails the test.
            }
        }
    }
}
