using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Exporters.TfLite;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Importers.Onnx;
using ModelBuild.Core.Tests.TestSupport;
using static ModelBuild.Core.Tests.Exporters.TfLite.TfLiteTestGraph;

namespace ModelBuild.Core.Tests.Exporters.TfLite;

/// <summary>Structure of written files, read back with an independent flatbuffer reader; determinism; diagnostics.</summary>
public sealed class TfLiteWriterTests
{
    private static string Fixture(string folder, string file) => Path.Combine(AppContext.BaseDirectory, "fixtures", folder, file);

    private static (TfLiteWriteResult Result, TfLiteFileReader File) WriteCnn(TempDirectory temp, TfLiteWriterOptions? options = null, string name = "cnn.tflite")
    {
        var result = TfLiteWriter.Write(OnnxReader.Read(Fixture("cnn", "cnn.onnx")), temp.File(name), options);
        return (result, new TfLiteFileReader(File.ReadAllBytes(result.Path)));
    }

    [Fact]
    public void Write_WhenCnn_HasIdentifierVersionAndEmptySentinelBuffer()
    {
        using var temp = new TempDirectory();
        var (result, file) = WriteCnn(temp);

        Assert.Equal("TFL3", file.Identifier);
        Assert.Equal(3, file.Version);
        Assert.Equal((-1, 0), file.Buffer(0));
        Assert.Equal(new FileInfo(result.Path).Length, result.SizeBytes);
        Assert.Equal(["CONV_2D", "MAX_POOL_2D", "TRANSPOSE", "RESHAPE", "FULLY_CONNECTED", "FULLY_CONNECTED"], result.Operators.Skip(1));
        Assert.Equal("TRANSPOSE", result.Operators[0]);
    }

    [Fact]
    public void Write_WhenCnn_AlignsEveryBufferTo16Bytes()
    {
        using var temp = new TempDirectory();
        var (_, file) = WriteCnn(temp);

        int count = file.Length(file.Buffers);
        Assert.True(count > 4);
        for (int i = 1; i < count; i++)
        {
            var (offset, length) = file.Buffer(i);
            Assert.True(length > 0, $"buffer {i} is empty");
            Assert.True(offset % 16 == 0, $"buffer {i} starts at {offset}, not 16-byte aligned");
        }
    }

    [Fact]
    public void Write_WhenCnn_PermutesConvWeightsToOhwiAndKeepsOnnxInterface()
    {
        using var temp = new TempDirectory();
        var (result, file) = WriteCnn(temp);

        var tensors = Enumerable.Range(0, file.TensorCount).Select(file.Tensor).ToList();
        var weight = tensors.Single(t => t.Name == "conv.weight");
        Assert.Equal([4, 3, 3, 3], weight.Shape);
        Assert.Equal(new[] { 1, 3, 16, 16 }, result.Inputs[0].Shape);
        Assert.True(result.Inputs[0].IsOnnxLayout);
        Assert.Equal(new[] { 1, 5 }, result.Outputs[0].Shape);
        Assert.Equal("output_0", tensors[file.Ints(file.Ref(file.Subgraph0, 2))[0]].Name);

        // ONNX conv.weight[o, i, kh, kw] must sit at TFLite [o, kh, kw, i].
        var onnx = OnnxReader.Read(Fixture("cnn", "cnn.onnx")).Graph.Initializers.Single(i => i.Name == "conv.weight").Data.ReadAllBytes();
        var (offset, _) = file.Buffer(weight.Buffer);
        float Onnx(int o, int i, int h, int w) => BitConverter.ToSingle(onnx, 4 * (((o * 3 + i) * 3 + h) * 3 + w));
        float Tfl(int o, int h, int w, int i) => BitConverter.ToSingle(file.Bytes, offset + 4 * (((o * 3 + h) * 3 + w) * 3 + i));
        Assert.Equal(Onnx(2, 1, 0, 2), Tfl(2, 0, 2, 1));
        Assert.Equal(Onnx(3, 2, 2, 0), Tfl(3, 2, 0, 2));
    }

    [Fact]
    public void Write_WhenNhwcInputsOutputs_ExposesNhwcAndDropsTheEntryTranspose()
    {
        using var temp = new TempDirectory();
        var (result, _) = WriteCnn(temp, new TfLiteWriterOptions { NhwcInputsOutputs = true });

        Assert.Equal(new[] { 1, 16, 16, 3 }, result.Inputs[0].Shape);
        Assert.Equal(new[] { 0, 2, 3, 1 }, result.Inputs[0].Layout);
        Assert.Equal("CONV_2D", result.Operators[0]);
    }

    [Fact]
    public void Write_WhenWrittenTwice_ProducesIdenticalBytes()
    {
        using var temp = new TempDirectory();
        var model = OnnxReader.Read(Fixture("cnn", "cnn.onnx"));
        var a = TfLiteWriter.Write(model, temp.File("a.tflite"));
        var b = TfLiteWriter.Write(model, temp.File("b.tflite"));

        Assert.Equal(File.ReadAllBytes(a.Path), File.ReadAllBytes(b.Path));
        Assert.Equal([Path.GetFileName(a.Path), Path.GetFileName(b.Path)], Directory.GetFiles(temp.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Write_WhenOpCodeAbove127_WritesBothCodeFields()
    {
        using var temp = new TempDirectory();
        var g = new TfLiteTestGraph(20);
        var x = g.Input("x", 2, 6);
        var model = g.Output(g.Op("Relu", [g.Op("Gelu", [x])])).Model;
        var result = TfLiteWriter.Write(model, temp.File("gelu.tflite"));
        var file = new TfLiteFileReader(File.ReadAllBytes(result.Path));

        Assert.Equal(["GELU", "RELU"], result.OperatorCodes);
        Assert.Equal(((sbyte)127, 150, 1), file.OperatorCode(0));
        Assert.Equal(((sbyte)19, 19, 1), file.OperatorCode(1));
    }

    [Fact]
    public void Write_WhenFp16Weights_StoresHalfBuffersAndDequantizes()
    {
        using var temp = new TempDirectory();
        var (fp32, _) = WriteCnn(temp, null, "fp32.tflite");
        var (fp16, file) = WriteCnn(temp, new TfLiteWriterOptions { Fp16Weights = true }, "fp16.tflite");

        var tensors = Enumerable.Range(0, file.TensorCount).Select(file.Tensor).ToList();
        Assert.Equal(1, tensors.Single(t => t.Name == "conv.weight/fp16").Type);
        Assert.Equal(0, tensors.Single(t => t.Name == "conv.weight").Type);
        Assert.Equal(6, fp16.Operators.Count(o => o == "DEQUANTIZE"));
        // ~10 KB of weights halve; the structure (~2 KB) does not.
        Assert.True(fp16.SizeBytes < fp32.SizeBytes * 0.7, $"fp16 {fp16.SizeBytes} vs fp32 {fp32.SizeBytes}");
    }

    [Fact]
    public void Write_WhenOperatorHasNoTfLiteForm_ThrowsMbld2201NamingOpAndTargetAndWritesNothing()
    {
        using var temp = new TempDirectory();
        var g = new TfLiteTestGraph();
        var model = g.Output(g.Op("Erf", [g.Input("x", 2, 3)])).Model;

        var ex = Assert.Throws<ModelBuildException>(() => TfLiteWriter.Write(model, temp.File("erf.tflite")));

        Assert.Equal("MBLD2201", ex.Code.Id);
        Assert.Equal(ExitCode.Unsupported, ex.ExitCode);
        Assert.Contains("'Erf'", ex.Message);
        Assert.Contains("'tflite'", ex.Message);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void Write_WhenConvGroupDoesNotMatchTheWeight_ThrowsMbld2202()
    {
        using var temp = new TempDirectory();
        var g = new TfLiteTestGraph();
        // 4 input channels in 2 groups need 2 weight channels per group, not 3.
        var model = g.Output(g.Op("Conv", [g.Input("x", 1, 4, 5, 5), g.Weight(4, 3, 3, 3)], A("group", 2L))).Model;

        var ex = Assert.Throws<ModelBuildException>(() => TfLiteWriter.Write(model, temp.File("grouped.tflite")));

        Assert.Equal("MBLD2202", ex.Code.Id);
        Assert.Contains("group=2", ex.Message);
    }

    [Fact]
    public void Write_WhenReshapeShapeIsComputed_ThrowsMbld2203()
    {
        using var temp = new TempDirectory();
        var g = new TfLiteTestGraph();
        var x = g.Input("x", 2, 3);
        var model = g.Output(g.Op("Reshape", [x, g.Op("Relu", [g.Input("s", 2)])])).Model;

        var ex = Assert.Throws<ModelBuildException>(() => TfLiteWriter.Write(model, temp.File("dyn.tflite")));

        Assert.Equal("MBLD2203", ex.Code.Id);
    }

    [Fact]
    public void Write_WhenInputIsInt64_ThrowsMbld2204()
    {
        using var temp = new TempDirectory();
        var graph = new ModelBuild.Core.Graph.Graph();
        graph.Inputs.Add(new ValueInfo("ids", ModelBuild.Core.Tensors.DataType.Int64, TensorShape.Of(2)));
        graph.Outputs.Add(new ValueInfo("ids", ModelBuild.Core.Tensors.DataType.Int64, TensorShape.Of(2)));
        var model = new Model(graph);
        model.OpsetImports[""] = 17;

        var ex = Assert.Throws<ModelBuildException>(() => TfLiteWriter.Write(model, temp.File("ids.tflite")));

        Assert.Equal("MBLD2204", ex.Code.Id);
        Assert.Contains("'ids'", ex.Message);
    }

    [Fact]
    public void OpTable_WhenBuilt_ListsTheLoweredOperators()
    {
        Assert.Contains("Conv", TfLiteWriter.SupportedOperators);
        Assert.Contains("LayerNormalization", TfLiteWriter.SupportedOperators);
        Assert.DoesNotContain("Erf", TfLiteWriter.SupportedOperators);
    }
}
