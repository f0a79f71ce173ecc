using System.Runtime.InteropServices;
using ModelBuild.Core.Caching;
using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Exporters.Onnx;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Importers.Onnx;
using ModelBuild.Core.Onnx.Proto;
using ModelBuild.Core.Tensors;
using ModelBuild.Core.Tests.Graph;
using ModelBuild.Core.Tests.TestSupport;

namespace ModelBuild.Core.Tests.Exporters.Onnx;

public sealed class OnnxWriterTests
{
    [Fact]
    public void Write_WhenModelRoundTrips_StructureAndBytesSurvive()
    {
        using var dir = new TempDirectory();
        var model = ModelBuilder.Mlp();
        var path = dir.File("mlp.onnx");

        var result = OnnxWriter.Write(model, path);
        var back = OnnxReader.Read(path);

        Assert.False(result.UsesExternalData);
        Assert.Equal(new FileInfo(path).Length, result.Model.Length);
        Assert.Equal(["MatMul", "Add", "Relu"], back.Graph.Nodes.Select(n => n.OpType));
        Assert.Equal(["x", "W"], back.Graph.Nodes[0].Inputs);
        Assert.Equal("x: float32[batch,4]", back.Graph.Inputs.Single().ToString());
        Assert.Equal("output: float32[batch,3]", back.Graph.Outputs.Single().ToString());
        Assert.Equal(17, back.OpsetImports[""]);
        Assert.Equal("test", back.Metadata["source"]);
        for (int i = 0; i < model.Graph.Initializers.Count; i++)
        {
            Assert.Equal(model.Graph.Initializers[i].Name, back.Graph.Initializers[i].Name);
            Assert.Equal(model.Graph.Initializers[i].Data.Shape, back.Graph.Initializers[i].Data.Shape);
            Assert.Equal(model.Graph.Initializers[i].Data.ReadAllBytes(), back.Graph.Initializers[i].Data.ReadAllBytes());
        }
    }

    [Fact]
    public void Write_WhenCalledTwice_BytesAreIdentical()
    {
        using var dir = new TempDirectory();
        OnnxWriter.Write(ModelBuilder.Mlp(), dir.File("a.onnx"));
        OnnxWriter.Write(ModelBuilder.Mlp(), dir.File("b.onnx"));

        Assert.Equal(File.ReadAllBytes(dir.File("a.onnx")), File.ReadAllBytes(dir.File("b.onnx")));
    }

    [Fact]
    public void Write_WhenReadWriteReadWrite_BytesAreIdentical()
    {
        using var dir = new TempDirectory();
        var model = GraphValidatorTests.IfModel();
        model.Graph.Nodes[0].Attributes.Add(NodeAttribute.Of("zeta", 1L));
        model.Graph.Nodes[0].Attributes.Add(NodeAttribute.Of("alpha", 0.5f));
        OnnxWriter.Write(model, dir.File("1.onnx"));
        OnnxWriter.Write(OnnxReader.Read(dir.File("1.onnx")), dir.File("2.onnx"));
        OnnxWriter.Write(OnnxReader.Read(dir.File("2.onnx")), dir.File("3.onnx"));

        Assert.Equal(File.ReadAllBytes(dir.File("1.onnx")), File.ReadAllBytes(dir.File("2.onnx")));
        Assert.Equal(File.ReadAllBytes(dir.File("2.onnx")), File.ReadAllBytes(dir.File("3.onnx")));
    }

    [Fact]
    public void Write_WhenWritten_ProducerFieldsFixedAndListsSorted()
    {
        using var dir = new TempDirectory();
        var model = ModelBuilder.Mlp();
        model.OpsetImports["com.microsoft"] = 1;
        model.Graph.Nodes[2].Attributes.Add(NodeAttribute.Of("zeta", 1L));
        model.Graph.Nodes[2].Attributes.Add(NodeAttribute.Of("alpha", 2L));
        OnnxWriter.Write(model, dir.File("m.onnx"), new OnnxWriterOptions { ProducerVersion = "9.9.9" });

        var proto = ModelProto.Parser.ParseFrom(File.ReadAllBytes(dir.File("m.onnx")));

        Assert.Equal("ModelBuild", proto.ProducerName);
        Assert.Equal("9.9.9", proto.ProducerVersion);
        Assert.Equal(["", "com.microsoft"], proto.OpsetImport.Select(o => o.Domain));
        Assert.Equal(["author", "source"], proto.MetadataProps.Select(m => m.Key));
        Assert.Equal(["alpha", "zeta"], proto.Graph.Node[2].Attribute.Select(a => a.Name));
    }

    [Fact]
    public void Write_WhenNoProducerVersionGiven_UsesVersionWithoutCommit()
    {
        using var dir = new TempDirectory();
        OnnxWriter.Write(ModelBuilder.Mlp(), dir.File("m.onnx"));

        var proto = ModelProto.Parser.ParseFrom(File.ReadAllBytes(dir.File("m.onnx")));

        Assert.False(string.IsNullOrEmpty(proto.ProducerVersion));
        Assert.DoesNotContain("+", proto.ProducerVersion);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Write_WhenWritten_ReportsTheSha256OfEachFileOnDisk(bool external)
    {
        using var dir = new TempDirectory();
        var model = ModelBuilder.Mlp(inputs: 16, outputs: 32);
        var path = dir.File("m.onnx");

        var result = OnnxWriter.Write(model, path, new OnnxWriterOptions { ForceExternalData = external });

        Assert.Equal(external ? 2 : 1, result.Files.Count);
        foreach (var file in result.Files)
            Assert.Equal(ContentHash.Sha256OfFile(file.Path), file.Sha256);
    }

    [Fact]
    public void Write_WhenForceExternalData_WritesAlignedRelativeDataFile()
    {
        using var dir = new TempDirectory();
        var model = ModelBuilder.Mlp(inputs: 16, outputs: 32);
        model.Graph.Initializers.Add(new Initializer("W2", ModelBuilder.Floats(ModelBuilder.Weights(16, 20), 16, 20)));
        var path = dir.File("big.onnx");

        var result = OnnxWriter.Write(model, path, new OnnxWriterOptions { ForceExternalData = true });

        Assert.True(result.UsesExternalData);
        Assert.Equal(dir.File("big.onnx.data"), result.ExternalData!.Path);
        Assert.Equal(new FileInfo(dir.File("big.onnx.data")).Length, result.ExternalData.Length);
        var proto = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
        var external = proto.Graph.Initializer.Where(t => t.DataLocation == TensorProto.Types.DataLocation.External).ToList();
        Assert.Equal(["W", "W2"], external.Select(t => t.Name));
        foreach (var t in external)
        {
            var keys = t.ExternalData.ToDictionary(e => e.Key, e => e.Value);
            Assert.Equal("big.onnx.data", keys["location"]);
            Assert.Equal(0, long.Parse(keys["offset"]) % 4096);
            Assert.True(keys.ContainsKey("length"));
        }
        var bias = proto.Graph.Initializer.Single(t => t.Name == "b");
        Assert.Equal(TensorProto.Types.DataLocation.Default, bias.DataLocation);
        Assert.Equal(128, bias.RawData.Length);

        var back = OnnxReader.Read(path);
        var w2 = back.Graph.Initializers.Single(i => i.Name == "W2").Data;
        Assert.False(w2.IsInMemory);
        Assert.Equal(dir.File("big.onnx.data"), w2.SourcePath);
        Assert.Equal(4096, w2.Offset);
        Assert.Equal(model.Graph.Initializers[2].Data.ReadAllBytes(), w2.ReadAllBytes());
    }

    [Theory]
    [InlineData(1000, true)]
    [InlineData(1 << 20, false)]
    public void Write_WhenWeightsCrossThreshold_ChoosesExternalData(long threshold, bool external)
    {
        using var dir = new TempDirectory();
        var model = ModelBuilder.Mlp(inputs: 16, outputs: 32);

        var result = OnnxWriter.Write(model, dir.File("m.onnx"), new OnnxWriterOptions { ExternalDataThreshold = threshold });

        Assert.Equal(external, result.UsesExternalData);
        Assert.Equal(external, File.Exists(dir.File("m.onnx.data")));
        Assert.Equal(external ? 2 : 1, result.Files.Count);
    }

    [Fact]
    public void NeedsExternalData_WhenModelWouldExceedProtobufLimit_IsTrueWhateverTheThreshold()
    {
        var options = new OnnxWriterOptions { ExternalDataThreshold = long.MaxValue };

        Assert.True(OnnxWriter.NeedsExternalData(int.MaxValue + 1L, int.MaxValue, options));
        Assert.False(OnnxWriter.NeedsExternalData(int.MaxValue, int.MaxValue - 100, options));
    }

    [Fact]
    public void Write_WhenInitializerIsFileBacked_StreamsItsBytes()
    {
        using var dir = new TempDirectory();
        var source = dir.File("weights.bin");
        var w = ModelBuilder.Weights(4, 3);
        var bytes = new byte[100].Concat(MemoryMarshal.AsBytes(w.AsSpan()).ToArray()).Concat(new byte[7]).ToArray();
        File.WriteAllBytes(source, bytes);
        var model = ModelBuilder.Mlp();
        model.Graph.Initializers[0].Data = TensorData.FromFile(source, 100, 48, DataType.Float32, [4, 3]);

        OnnxWriter.Write(model, dir.File("m.onnx"));
        var back = OnnxReader.Read(dir.File("m.onnx"));

        Assert.Equal(MemoryMarshal.AsBytes(w.AsSpan()).ToArray(), back.Graph.Initializers[0].Data.ReadAllBytes());
        Assert.Equal(dir.File("m.onnx"), back.Graph.Initializers[0].Data.SourcePath);
    }

    [Fact]
    public void Write_WhenGraphInvalid_ThrowsBeforeWritingAnything()
    {
        using var dir = new TempDirectory();
        var model = ModelBuilder.Mlp();
        model.Graph.Nodes[2].Inputs[0] = "undefined_value";

        var e = Assert.Throws<ModelBuildException>(() => OnnxWriter.Write(model, dir.File("m.onnx")));

        Assert.Equal(DiagnosticCode.OutputGraphInvalid, e.Code);
        Assert.Equal(dir.File("m.onnx"), e.File);
        Assert.Contains("'undefined_value'", e.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Write_WhenFinalRenameFails_LeavesNoFileBehind()
    {
        using var dir = new TempDirectory();
        // A folder where the model should go makes the last step fail, after both temp files were written.
        Directory.CreateDirectory(dir.File("m.onnx"));

        var e = Assert.Throws<ModelBuildException>(() =>
            OnnxWriter.Write(ModelBuilder.Mlp(16, 32), dir.File("m.onnx"), new OnnxWriterOptions { ForceExternalData = true }));

        Assert.Equal(DiagnosticCode.OutputNotWritable, e.Code);
        Assert.Equal(dir.File("m.onnx"), e.File);
        Assert.Empty(Directory.EnumerateFiles(dir.Path));
    }

    [Fact]
    public void Write_WhenTargetExists_ReplacesIt()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("m.onnx"), "old");

        OnnxWriter.Write(ModelBuilder.Mlp(), dir.File("m.onnx"));

        Assert.NotNull(OnnxReader.Read(dir.File("m.onnx")));
        Assert.Single(Directory.EnumerateFiles(dir.Path));
    }
}
