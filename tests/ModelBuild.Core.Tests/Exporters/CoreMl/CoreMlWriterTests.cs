using Google.Protobuf;
using ModelBuild.Core.CoreMl.Proto;
using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Exporters.CoreMl;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Importers.Onnx;
using ModelBuild.Core.Tests.TestSupport;
using Xunit.Abstractions;
using Proto = ModelBuild.Core.CoreMl.Proto;

namespace ModelBuild.Core.Tests.Exporters.CoreMl;

public sealed class CoreMlWriterTests(ITestOutputHelper output)
{
    public static TheoryData<string> Fixtures() => ExporterTestModels.Fixtures();

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Write_WhenFixtureIsWritten_PassesTheValidator(string fixture)
    {
        using var dir = new TempDirectory();
        var package = dir.File(fixture + ".mlpackage");

        var result = CoreMlWriter.Write(OnnxReader.Read(ExporterTestModels.OnnxPath(fixture)), package);

        Assert.Empty(CoreMlValidator.Check(package));
        output.WriteLine($"{fixture}: {result.OperationCount} ops, model {result.ModelLength} B, weight.bin {result.WeightLength} B");
    }

    [Theory]
    [InlineData("conv_block")]
    [InlineData("encoder_block")]
    [InlineData("slice_block")]
    public void Write_WhenBlockOfMappedOpsIsWritten_PassesTheValidator(string name)
    {
        using var dir = new TempDirectory();
        var package = dir.File(name + ".mlpackage");

        CoreMlWriter.Write(name switch { "conv_block" => ExporterTestModels.ConvBlock(), "slice_block" => ExporterTestModels.SliceBlock(), _ => ExporterTestModels.EncoderBlock() }, package);

        Assert.Empty(CoreMlValidator.Check(package));
    }

    [Fact]
    public void Write_WhenFixtureIsWritten_HasTheMlProgramLayout()
    {
        using var dir = new TempDirectory();
        var package = dir.File("mlp.mlpackage");

        CoreMlWriter.Write(OnnxReader.Read(ExporterTestModels.OnnxPath("mlp")), package);
        var spec = Proto.Model.Parser.ParseFrom(File.ReadAllBytes(Path.Combine(package, "Data/com.apple.CoreML/model.mlmodel")));
        var block = spec.MlProgram.Functions["main"].BlockSpecializations["CoreML6"];
        var weights = File.ReadAllBytes(Path.Combine(package, "Data/com.apple.CoreML/weights/weight.bin"));

        Assert.Equal(7, spec.SpecificationVersion);
        Assert.Equal(["linear", "relu", "linear"], block.Operations.Where(o => o.Type != "const").Select(o => o.Type));
        Assert.Equal(["output"], block.Outputs);
        var firstBlob = block.Operations.First(o => o.Attributes["val"].ValueCase == Value.ValueOneofCase.BlobFileValue).Attributes["val"].BlobFileValue;
        Assert.Equal(64UL, firstBlob.Offset);
        Assert.Equal(0xDEADBEEF, BitConverter.ToUInt32(weights, 64));
        Assert.Equal(2u, BitConverter.ToUInt32(weights, 4));
        Assert.Equal(0, weights.Length % 64);
        Assert.Contains("\"rootModelIdentifier\"", File.ReadAllText(Path.Combine(package, "Manifest.json")));
    }

    [Fact]
    public void Write_WhenWrittenTwice_IsByteIdentical()
    {
        using var dir = new TempDirectory();
        var a = dir.File("a.mlpackage");
        var b = dir.File("b.mlpackage");

        CoreMlWriter.Write(OnnxReader.Read(ExporterTestModels.OnnxPath("cnn")), a);
        CoreMlWriter.Write(OnnxReader.Read(ExporterTestModels.OnnxPath("cnn")), b);

        foreach (var file in new[] { "Manifest.json", "Data/com.apple.CoreML/model.mlmodel", "Data/com.apple.CoreML/weights/weight.bin" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, file)), File.ReadAllBytes(Path.Combine(b, file)));
        Assert.Equal(["a.mlpackage", "b.mlpackage"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Write_WhenOperatorHasNoMapping_ThrowsMbld2401NamingOpAndTarget()
    {
        using var dir = new TempDirectory();
        var model = ModelBuilder.Mlp();
        model.Graph.Nodes[2] = new Node("NonMaxSuppression", ["xwb"], ["output"], "strange");

        var ex = Assert.Throws<ModelBuildException>(() => CoreMlWriter.Write(model, dir.File("m.mlpackage")));

        Assert.Equal(DiagnosticCode.CoreMlUnsupportedOperator, ex.Code);
        Assert.Equal("Operator 'NonMaxSuppression' (node 'strange') cannot be converted for target 'coreml'.", ex.Message);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Validate_WhenManifestEntryPointsNowhere_ThrowsMbld2403()
    {
        using var dir = new TempDirectory();
        var package = Write(dir);
        Directory.Delete(Path.Combine(package, "Data/com.apple.CoreML/weights"), recursive: true);

        var ex = Assert.Throws<ModelBuildException>(() => CoreMlValidator.Validate(package));

        Assert.Equal(DiagnosticCode.CoreMlPackageInvalid, ex.Code);
        Assert.Contains("com.apple.CoreML/weights", ex.Message);
    }

    [Fact]
    public void Validate_WhenBlobSentinelIsOverwritten_ThrowsMbld2406()
    {
        using var dir = new TempDirectory();
        var package = Write(dir);
        var weights = Path.Combine(package, "Data/com.apple.CoreML/weights/weight.bin");
        var bytes = File.ReadAllBytes(weights);
        bytes[64] = 0;
        File.WriteAllBytes(weights, bytes);

        var ex = Assert.Throws<ModelBuildException>(() => CoreMlValidator.Validate(package));

        Assert.Equal(DiagnosticCode.CoreMlBlobInvalid, ex.Code);
        Assert.Contains("sentinel 0xDEADBEEF", ex.Message);
    }

    [Fact]
    public void Validate_WhenBlobOffsetIsMisaligned_ThrowsMbld2406()
    {
        using var dir = new TempDirectory();
        var package = Write(dir);
        EditSpec(package, spec => Blobs(spec).First().Offset += 8);

        var ex = Assert.Throws<ModelBuildException>(() => CoreMlValidator.Validate(package));

        Assert.Equal(DiagnosticCode.CoreMlBlobInvalid, ex.Code);
        Assert.Contains("is not 64-byte aligned", ex.Message);
    }

    [Fact]
    public void Validate_WhenBlobSizeDisagreesWithType_ThrowsMbld2406()
    {
        using var dir = new TempDirectory();
        var package = Write(dir);
        EditSpec(package, spec =>
        {
            var op = spec.MlProgram.Functions["main"].BlockSpecializations["CoreML6"].Operations.First(o => o.Type == "const" && o.Attributes["val"].BlobFileValue is not null);
            op.Attributes["val"].Type.TensorType.Dimensions[0].Constant.Size += 1;
        });

        var ex = Assert.Throws<ModelBuildException>(() => CoreMlValidator.Validate(package));

        Assert.Equal(DiagnosticCode.CoreMlBlobInvalid, ex.Code);
    }

    [Fact]
    public void Validate_WhenAnInputNamesAnUndefinedValue_ThrowsMbld2405()
    {
        using var dir = new TempDirectory();
        var package = Write(dir);
        EditSpec(package, spec => spec.MlProgram.Functions["main"].BlockSpecializations["CoreML6"].Operations.First(o => o.Type == "relu").Inputs["x"].Arguments[0].Name = "nowhere");

        var ex = Assert.Throws<ModelBuildException>(() => CoreMlValidator.Validate(package));

        Assert.Equal(DiagnosticCode.CoreMlUndefinedValue, ex.Code);
        Assert.Contains("'nowhere'", ex.Message);
    }

    [Fact]
    public void Validate_WhenModelBytesAreNotCanonical_ThrowsMbld2407()
    {
        using var dir = new TempDirectory();
        var package = Write(dir);
        var model = Path.Combine(package, "Data/com.apple.CoreML/model.mlmodel");
        // A second specificationVersion (field 1, varint 7): parsers keep the last, serialisers write one.
        File.WriteAllBytes(model, [.. File.ReadAllBytes(model), 0x08, 0x07]);

        var ex = Assert.Throws<ModelBuildException>(() => CoreMlValidator.Validate(package));

        Assert.Equal(DiagnosticCode.CoreMlRoundTrip, ex.Code);
    }

    [Fact]
    public void Validate_WhenModelIsNotProtobuf_ThrowsMbld2404()
    {
        using var dir = new TempDirectory();
        var package = Write(dir);
        File.WriteAllBytes(Path.Combine(package, "Data/com.apple.CoreML/model.mlmodel"), [0xFF, 0xFF, 0xFF]);

        var ex = Assert.Throws<ModelBuildException>(() => CoreMlValidator.Validate(package));

        Assert.Equal(DiagnosticCode.CoreMlModelInvalid, ex.Code);
    }

    [Fact]
    public void Validate_WhenDescriptionOutputIsRenamed_ThrowsMbld2408()
    {
        using var dir = new TempDirectory();
        var package = Write(dir);
        EditSpec(package, spec => spec.Description.Output[0].Name = "other");

        var ex = Assert.Throws<ModelBuildException>(() => CoreMlValidator.Validate(package));

        Assert.Equal(DiagnosticCode.CoreMlInterfaceMismatch, ex.Code);
    }

    private static string Write(TempDirectory dir)
    {
        var package = dir.File("mlp.mlpackage");
        CoreMlWriter.Write(OnnxReader.Read(ExporterTestModels.OnnxPath("mlp")), package);
        return package;
    }

    private static IEnumerable<Value.Types.BlobFileValue> Blobs(Proto.Model spec) =>
        spec.MlProgram.Functions["main"].BlockSpecializations["CoreML6"].Operations
            .Where(o => o.Type == "const" && o.Attributes["val"].ValueCase == Value.ValueOneofCase.BlobFileValue)
            .Select(o => o.Attributes["val"].BlobFileValue);

    private static void EditSpec(string package, Action<Proto.Model> edit)
    {
        var path = Path.Combine(package, "Data/com.apple.CoreML/model.mlmodel");
        var spec = Proto.Model.Parser.ParseFrom(File.ReadAllBytes(path));
        edit(spec);
        File.WriteAllBytes(path, spec.ToByteArray());
    }
}
