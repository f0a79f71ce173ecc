using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Importers.Weights;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Tests.Importers.Weights;

public sealed class WeightBinderTests
{
    [Fact]
    public void Bind_WhenEveryWeightMatches_ReplacesInitializersAndKeepsExporterConstants()
    {
        var model = Template();
        var newWeight = Floats([2, 2], 9f);

        WeightBinder.Bind(model, "t.onnx", [new("fc.weight", newWeight), new("fc.bias", Floats([2], 1f))], "w.safetensors", WeightNameMap.Identity);

        Assert.Same(newWeight, model.Graph.Initializers.Single(i => i.Name == "fc.weight").Data);
        Assert.Equal(7f, BitConverter.ToSingle(model.Graph.Initializers.Single(i => i.Name == "onnx::Mul_3").Data.ReadAllBytes()));
    }

    [Fact]
    public void Bind_WhenNamesAndShapesDisagree_ListsEveryProblemInOneError()
    {
        var model = Template();

        var e = Assert.Throws<ModelBuildException>(() => WeightBinder.Bind(model, "t.onnx",
            [new("fc.weight", Floats([3, 2], 0f)), new("extra.weight", Floats([1], 0f))], "w.safetensors", WeightNameMap.Identity));

        Assert.Equal(DiagnosticCode.WeightsMismatch, e.Code);
        Assert.Equal("w.safetensors", e.File);
        Assert.Contains("fc.bias", e.Message);
        Assert.Contains("extra.weight", e.Message);
        Assert.Contains("[3,2]", e.Message);
        Assert.Contains("[2,2]", e.Message);
        // Nothing was bound: a failed bind leaves the template as it was.
        Assert.Equal(1f, BitConverter.ToSingle(model.Graph.Initializers[0].Data.ReadAllBytes()));
    }

    [Fact]
    public void Bind_WhenDtypeDiffers_NamesBothDtypes()
    {
        var model = Template();
        var half = TensorData.FromBytes(new byte[8], DataType.Float16, [2, 2]);

        var e = Assert.Throws<ModelBuildException>(() => WeightBinder.Bind(model, "t.onnx",
            [new("fc.weight", half), new("fc.bias", Floats([2], 0f))], "w.safetensors", WeightNameMap.Identity));

        Assert.Contains("float16", e.Message);
        Assert.Contains("float32", e.Message);
    }

    private static Model Template()
    {
        var graph = new ModelBuild.Core.Graph.Graph();
        graph.Initializers.Add(new Initializer("fc.weight", Floats([2, 2], 1f)));
        graph.Initializers.Add(new Initializer("fc.bias", Floats([2], 1f)));
        graph.Initializers.Add(new Initializer("onnx::Mul_3", Floats([1], 7f)));
        return new Model(graph);
    }

    private static TensorData Floats(long[] shape, float value)
    {
        var count = (int)shape.Aggregate(1L, (a, b) => a * b);
        var bytes = new byte[count * 4];
        for (int i = 0; i < count; i++) BitConverter.TryWriteBytes(bytes.AsSpan(i * 4), value);
        return TensorData.FromBytes(bytes, DataType.Float32, shape);
    }
}
