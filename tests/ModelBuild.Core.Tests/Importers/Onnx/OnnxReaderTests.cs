using System.Runtime.InteropServices;
using Google.Protobuf;
using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Exporters.Onnx;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Importers.Onnx;
using ModelBuild.Core.Onnx.Proto;
using ModelBuild.Core.Tensors;
using ModelBuild.Core.Tests.TestSupport;

namespace ModelBuild.Core.Tests.Importers.Onnx;

public sealed class OnnxReaderTests
{
    [Fact]
    public void Read_WhenInitializersUseRawData_PointsIntoFileLazily()
    {
        using var dir = new TempDirectory();
        var path = dir.File("m.onnx");
        var weights = ModelBuilder.Weights(4, 3);
        File.WriteAllBytes(path, ProtoModel(Tensor("W", TensorProto.Types.DataType.Float, [4, 3], raw: AsBytes(weights))).ToByteArray());

        var model = OnnxReader.Read(path);

        var w = model.Graph.Initializers.Single().Data;
        Assert.False(w.IsInMemory);
        Assert.Equal(path, w.SourcePath);
        var fileBytes = File.ReadAllBytes(path);
        Assert.Equal(AsBytes(weights), fileBytes.AsSpan((int)w.Offset, (int)w.Length).ToArray());
    }

    [Fact]
    public void Read_WhenTensorsUseTypedFields_ConvertsPerSpec()
    {
        using var dir = new TempDirectory();
        var f = Tensor("f", TensorProto.Types.DataType.Float, [2]);
        f.FloatData.AddRange([1.5f, -2f]);
        var h = Tensor("h", TensorProto.Types.DataType.Float16, [2]);
        h.Int32Data.AddRange([0x3C00, 0xC000]);
        var i8 = Tensor("i8", TensorProto.Types.DataType.Int8, [3]);
        i8.Int32Data.AddRange([-1, 2, 127]);
        var i64 = Tensor("i64", TensorProto.Types.DataType.Int64, [2]);
        i64.Int64Data.AddRange([long.MinValue, 5]);
        var d = Tensor("d", TensorProto.Types.DataType.Double, [1]);
        d.DoubleData.Add(0.25);
        var u32 = Tensor("u32", TensorProto.Types.DataType.Uint32, [1]);
        u32.Uint64Data.Add(uint.MaxValue);
        var b = Tensor("b", TensorProto.Types.DataType.Bool, [2]);
        b.Int32Data.AddRange([1, 0]);
        File.WriteAllBytes(dir.File("m.onnx"), ProtoModel(f, h, i8, i64, d, u32, b).ToByteArray());

        var inits = OnnxReader.Read(dir.File("m.onnx")).Graph.Initializers.ToDictionary(i => i.Name, i => i.Data);

        Assert.Equal(AsBytes([1.5f, -2f]), inits["f"].ReadAllBytes());
        Assert.Equal(new byte[] { 0x00, 0x3C, 0x00, 0xC0 }, inits["h"].ReadAllBytes());
        Assert.Equal(new byte[] { 0xFF, 2, 127 }, inits["i8"].ReadAllBytes());
        Assert.Equal(MemoryMarshal.AsBytes(new[] { long.MinValue, 5L }.AsSpan()).ToArray(), inits["i64"].ReadAllBytes());
        Assert.Equal(BitConverter.GetBytes(0.25), inits["d"].ReadAllBytes());
        Assert.Equal(BitConverter.GetBytes(uint.MaxValue), inits["u32"].ReadAllBytes());
        Assert.Equal(new byte[] { 1, 0 }, inits["b"].ReadAllBytes());
        Assert.Equal(DataType.Float16, inits["h"].DataType);
    }

    [Fact]
    public void Read_WhenAttributesOfEveryKind_MapsThem()
    {
        using var dir = new TempDirectory();
        var proto = ProtoModel();
        var node = proto.Graph.Node[0];
        var sub = new GraphProto { Name = "body" };
        sub.Output.Add(new ValueInfoProto { Name = "x" });
        node.Attribute.Add(new AttributeProto { Name = "f", Type = AttributeProto.Types.AttributeType.Float, F = 0.5f });
        node.Attribute.Add(new AttributeProto { Name = "i", Type = AttributeProto.Types.AttributeType.Int, I = -3 });
        node.Attribute.Add(new AttributeProto { Name = "s", Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8("abc") });
        node.Attribute.Add(new AttributeProto { Name = "t", Type = AttributeProto.Types.AttributeType.Tensor, T = Tensor("", TensorProto.Types.DataType.Int64, [1], raw: BitConverter.GetBytes(7L)) });
        node.Attribute.Add(new AttributeProto { Name = "g", Type = AttributeProto.Types.AttributeType.Graph, G = sub });
        node.Attribute.Add(new AttributeProto { Name = "fs", Type = AttributeProto.Types.AttributeType.Floats, Floats = { 1f, 2f } });
        node.Attribute.Add(new AttributeProto { Name = "is", Type = AttributeProto.Types.AttributeType.Ints, Ints = { 1, 2, 3 } });
        node.Attribute.Add(new AttributeProto { Name = "ss", Type = AttributeProto.Types.AttributeType.Strings, Strings = { ByteString.CopyFromUtf8("a") } });
        node.Attribute.Add(new AttributeProto { Name = "ts", Type = AttributeProto.Types.AttributeType.Tensors, Tensors = { Tensor("", TensorProto.Types.DataType.Float, [0]) } });
        node.Attribute.Add(new AttributeProto { Name = "gs", Type = AttributeProto.Types.AttributeType.Graphs, Graphs = { sub.Clone() } });
        File.WriteAllBytes(dir.File("m.onnx"), proto.ToByteArray());

        var attrs = OnnxReader.Read(dir.File("m.onnx")).Graph.Nodes[0].Attributes.ToDictionary(a => a.Name);

        Assert.Equal(0.5f, attrs["f"].Float);
        Assert.Equal(-3, attrs["i"].Int);
        Assert.Equal("abc", attrs["s"].StringValue);
        Assert.Equal(BitConverter.GetBytes(7L), attrs["t"].Tensor!.ReadAllBytes());
        Assert.Equal("body", attrs["g"].Graph!.Name);
        Assert.Equal([1f, 2f], attrs["fs"].Floats);
        Assert.Equal([1L, 2L, 3L], attrs["is"].Ints);
        Assert.Single(attrs["ss"].Strings);
        Assert.Single(attrs["ts"].Tensors);
        Assert.Single(attrs["gs"].Graphs);
    }

    [Fact]
    public void Read_WhenShapesHaveSymbolicDims_MapsToDim()
    {
        using var dir = new TempDirectory();
        var proto = ProtoModel();
        proto.Graph.Input[0].Type.TensorType.Shape = new TensorShapeProto
        {
            Dim = { new TensorShapeProto.Types.Dimension { DimParam = "batch" }, new TensorShapeProto.Types.Dimension { DimValue = 3 }, new TensorShapeProto.Types.Dimension() },
        };
        File.WriteAllBytes(dir.File("m.onnx"), proto.ToByteArray());

        var input = OnnxReader.Read(dir.File("m.onnx")).Graph.Inputs[0];

        Assert.Equal([Dim.Named("batch"), Dim.Fixed(3), Dim.Unknown], input.Shape!.Dims);
    }

    [Fact]
    public void Read_WhenNodesUnsortedButAcyclic_SortsThem()
    {
        using var dir = new TempDirectory();
        var proto = ProtoModel();
        proto.Graph.Node.Add(new NodeProto { OpType = "Relu", Input = { "y" }, Output = { "z" }, Name = "second" });
        proto.Graph.Output[0].Name = "z";
        var first = proto.Graph.Node[0];
        proto.Graph.Node.RemoveAt(0);
        proto.Graph.Node.Add(first);
        File.WriteAllBytes(dir.File("m.onnx"), proto.ToByteArray());

        var model = OnnxReader.Read(dir.File("m.onnx"));

        Assert.Equal(["first", "second"], model.Graph.Nodes.Select(n => n.Name));
    }

    [Fact]
    public void Read_WhenFileTruncatedAnywhere_ThrowsOnnxInvalid()
    {
        using var dir = new TempDirectory();
        OnnxWriter.Write(ModelBuilder.Mlp(), dir.File("good.onnx"));
        var bytes = File.ReadAllBytes(dir.File("good.onnx"));
        var cut = dir.File("cut.onnx");

        for (int length = 0; length < bytes.Length; length++)
        {
            File.WriteAllBytes(cut, bytes[..length]);
            var e = Assert.Throws<ModelBuildException>(() => OnnxReader.Read(cut));
            Assert.True(e.Code == DiagnosticCode.OnnxInvalid, $"cut at {length}: {e.Code.Id} {e.Message}");
            Assert.Equal(cut, e.File);
        }
    }

    [Fact]
    public void Read_WhenGraphLengthBeyondFile_ThrowsNamingOffset()
    {
        using var dir = new TempDirectory();
        // ModelProto.graph (field 7, length-delimited) declaring 1 GB followed by three bytes.
        File.WriteAllBytes(dir.File("m.onnx"), [0x3A, 0x80, 0x80, 0x80, 0x80, 0x04, 1, 2, 3]);

        var e = Assert.Throws<ModelBuildException>(() => OnnxReader.Read(dir.File("m.onnx")));

        Assert.Equal(DiagnosticCode.OnnxInvalid, e.Code);
        Assert.Equal(dir.File("m.onnx"), e.File);
        Assert.Contains("byte offset 1", e.Message);
    }

    [Fact]
    public void Read_WhenRawDataLengthBeyondFile_ThrowsOnnxInvalid()
    {
        using var dir = new TempDirectory();
        var bytes = ProtoModel(Tensor("W", TensorProto.Types.DataType.Float, [4, 3], raw: new byte[48])).ToByteArray();
        // Raw data is the graph's last initializer field; corrupt its length prefix (48 → 127) in place.
        int at = FindRawDataLength(bytes, 48);
        bytes[at] = 127;
        File.WriteAllBytes(dir.File("m.onnx"), bytes);

        var e = Assert.Throws<ModelBuildException>(() => OnnxReader.Read(dir.File("m.onnx")));

        Assert.Equal(DiagnosticCode.OnnxInvalid, e.Code);
        Assert.Contains("raw_data", e.Message);
    }

    [Fact]
    public void Read_WhenVarintOverflows_ThrowsOnnxInvalid()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("m.onnx"), [0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0x00]);

        var e = Assert.Throws<ModelBuildException>(() => OnnxReader.Read(dir.File("m.onnx")));

        Assert.Equal(DiagnosticCode.OnnxInvalid, e.Code);
        Assert.Contains("overflows", e.Message);
    }

    [Fact]
    public void Read_WhenRawDataDoesNotMatchShape_ThrowsShapeByteMismatch()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("m.onnx"), ProtoModel(Tensor("W", TensorProto.Types.DataType.Float, [4, 3], raw: new byte[40])).ToByteArray());

        var e = Assert.Throws<ModelBuildException>(() => OnnxReader.Read(dir.File("m.onnx")));

        Assert.Equal(DiagnosticCode.ShapeByteMismatch, e.Code);
        Assert.Contains("'W'", e.Message);
    }

    [Theory]
    [InlineData("../outside.bin", "leaves the model's folder")]
    [InlineData("sub/../../outside.bin", "leaves the model's folder")]
    [InlineData("/etc/passwd", "absolute")]
    [InlineData("missing.bin", "does not exist")]
    public void Read_WhenExternalLocationIsBad_ThrowsOnnxExternalData(string location, string expected)
    {
        using var dir = new TempDirectory();
        var modelDir = Directory.CreateDirectory(dir.File("model")).FullName;
        File.WriteAllBytes(dir.File("outside.bin"), new byte[48]);
        var path = Path.Combine(modelDir, "m.onnx");
        File.WriteAllBytes(path, ProtoModel(External("W", location, 0, 48)).ToByteArray());

        var e = Assert.Throws<ModelBuildException>(() => OnnxReader.Read(path));

        Assert.Equal(DiagnosticCode.OnnxExternalData, e.Code);
        Assert.Equal(path, e.File);
        Assert.Contains(expected, e.Message);
    }

    [Theory]
    [InlineData(4096, 48)]
    [InlineData(40, 48)]
    [InlineData(long.MaxValue, 48)]
    public void Read_WhenExternalRangeOutsideFile_ThrowsOnnxExternalData(long offset, long length)
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("w.bin"), new byte[64]);
        File.WriteAllBytes(dir.File("m.onnx"), ProtoModel(External("W", "w.bin", offset, length)).ToByteArray());

        var e = Assert.Throws<ModelBuildException>(() => OnnxReader.Read(dir.File("m.onnx")));

        Assert.Equal(DiagnosticCode.OnnxExternalData, e.Code);
        Assert.Equal(dir.File("m.onnx"), e.File);
        Assert.Contains("beyond the end", e.Message);
    }

    [Fact]
    public void Read_WhenExternalRangeValid_CreatesFileBackedTensor()
    {
        using var dir = new TempDirectory();
        var weights = ModelBuilder.Weights(4, 3);
        File.WriteAllBytes(dir.File("w.bin"), new byte[16].Concat(AsBytes(weights)).ToArray());
        File.WriteAllBytes(dir.File("m.onnx"), ProtoModel(External("W", "w.bin", 16, 48)).ToByteArray());

        var w = OnnxReader.Read(dir.File("m.onnx")).Graph.Initializers.Single().Data;

        Assert.Equal(dir.File("w.bin"), w.SourcePath);
        Assert.Equal(16, w.Offset);
        Assert.Equal(AsBytes(weights), w.ReadAllBytes());
    }

    [Fact]
    public void Read_WhenGraphHasCycle_ThrowsGraphInvalidNamingNodes()
    {
        using var dir = new TempDirectory();
        var proto = ProtoModel();
        proto.Graph.Node.Clear();
        proto.Graph.Node.Add(new NodeProto { OpType = "Add", Input = { "x", "c" }, Output = { "a" }, Name = "n1" });
        proto.Graph.Node.Add(new NodeProto { OpType = "Relu", Input = { "a" }, Output = { "b" }, Name = "n2" });
        proto.Graph.Node.Add(new NodeProto { OpType = "Relu", Input = { "b" }, Output = { "c" }, Name = "n3" });
        proto.Graph.Output[0].Name = "c";
        File.WriteAllBytes(dir.File("m.onnx"), proto.ToByteArray());

        var e = Assert.Throws<ModelBuildException>(() => OnnxReader.Read(dir.File("m.onnx")));

        Assert.Equal(DiagnosticCode.GraphInvalid, e.Code);
        Assert.Equal(dir.File("m.onnx"), e.File);
        Assert.Contains("cycle", e.Message);
        Assert.Contains("'n1'", e.Message);
        Assert.Contains("'n3'", e.Message);
    }

    [Fact]
    public void Read_WhenNodeReadsUndefinedValue_ThrowsGraphInvalid()
    {
        using var dir = new TempDirectory();
        var proto = ProtoModel();
        proto.Graph.Node[0].Input[0] = "nowhere";
        File.WriteAllBytes(dir.File("m.onnx"), proto.ToByteArray());

        var e = Assert.Throws<ModelBuildException>(() => OnnxReader.Read(dir.File("m.onnx")));

        Assert.Equal(DiagnosticCode.GraphInvalid, e.Code);
        Assert.Equal(dir.File("m.onnx"), e.File);
        Assert.Contains("'nowhere'", e.Message);
        Assert.Contains("Relu node 'first'", e.Message);
    }

    [Fact]
    public void Read_WhenSparseInitializer_ThrowsUnsupportedFeature()
    {
        using var dir = new TempDirectory();
        var proto = ProtoModel();
        proto.Graph.SparseInitializer.Add(new SparseTensorProto { Values = Tensor("sparse_w", TensorProto.Types.DataType.Float, [0]) });
        File.WriteAllBytes(dir.File("m.onnx"), proto.ToByteArray());

        var e = Assert.Throws<ModelBuildException>(() => OnnxReader.Read(dir.File("m.onnx")));

        Assert.Equal(DiagnosticCode.UnsupportedFeature, e.Code);
        Assert.Contains("'sparse_w'", e.Message);
    }

    [Fact]
    public void Read_WhenValueIsSequence_ThrowsUnsupportedFeature()
    {
        using var dir = new TempDirectory();
        var proto = ProtoModel();
        proto.Graph.Input[0].Type = new TypeProto { SequenceType = new TypeProto.Types.Sequence() };
        File.WriteAllBytes(dir.File("m.onnx"), proto.ToByteArray());

        var e = Assert.Throws<ModelBuildException>(() => OnnxReader.Read(dir.File("m.onnx")));

        Assert.Equal(DiagnosticCode.UnsupportedFeature, e.Code);
        Assert.Contains("'x'", e.Message);
    }

    [Fact]
    public void Read_WhenFileMissing_ThrowsFileNotFound()
    {
        using var dir = new TempDirectory();

        var e = Assert.Throws<ModelBuildException>(() => OnnxReader.Read(dir.File("none.onnx")));

        Assert.Equal(DiagnosticCode.FileNotFound, e.Code);
    }

    [Fact]
    public void Read_WhenBitsFlipped_NeverThrowsAnythingButModelBuildException()
    {
        using var dir = new TempDirectory();
        OnnxWriter.Write(ModelBuilder.Mlp(), dir.File("good.onnx"));
        var good = File.ReadAllBytes(dir.File("good.onnx"));
        var random = new Random(1234);
        var bad = dir.File("bad.onnx");

        for (int trial = 0; trial < 300; trial++)
        {
            var bytes = (byte[])good.Clone();
            bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
            File.WriteAllBytes(bad, bytes);
            try
            {
                OnnxReader.Read(bad);
            }
            catch (ModelBuildException e)
            {
                Assert.Equal(bad, e.File);
            }
        }
    }

    /// <summary>x → Relu (node "first") → y, plus the given initializers.</summary>
    private static ModelProto ProtoModel(params TensorProto[] initializers)
    {
        var graph = new GraphProto { Name = "g" };
        graph.Input.Add(FloatInfo("x"));
        graph.Output.Add(FloatInfo("y"));
        graph.Node.Add(new NodeProto { OpType = "Relu", Input = { "x" }, Output = { "y" }, Name = "first" });
        graph.Initializer.AddRange(initializers);
        var model = new ModelProto { IrVersion = 8, Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 17 });
        return model;
    }

    private static ValueInfoProto FloatInfo(string name) => new()
    {
        Name = name,
        Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } },
    };

    private static TensorProto Tensor(string name, TensorProto.Types.DataType type, long[] dims, byte[]? raw = null)
    {
        var t = new TensorProto { Name = name, DataType = (int)type };
        t.Dims.AddRange(dims);
        if (raw is not null) t.RawData = ByteString.CopyFrom(raw);
        return t;
    }

    private static TensorProto External(string name, string location, long offset, long length)
    {
        var t = Tensor(name, TensorProto.Types.DataType.Float, [4, 3]);
        t.DataLocation = TensorProto.Types.DataLocation.External;
        t.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = location });
        t.ExternalData.Add(new StringStringEntryProto { Key = "offset", Value = offset.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        t.ExternalData.Add(new StringStringEntryProto { Key = "length", Value = length.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return t;
    }

    private static byte[] AsBytes(float[] values) => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    /// <summary>Finds the length byte of a raw_data field (tag 0x4A) holding <paramref name="length"/> bytes.</summary>
    private static int FindRawDataLength(byte[] bytes, int length)
    {
        for (int i = 0; i + 1 < bytes.Length; i++)
            if (bytes[i] == 0x4A && bytes[i + 1] == length) return i + 1;
        throw new InvalidOperationException("raw_data field not found");
    }
}
