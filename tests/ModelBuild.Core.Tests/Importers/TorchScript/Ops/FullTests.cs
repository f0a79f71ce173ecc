using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Full"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class FullTests
{
    [Fact]
    public void Lower_WhenFloatValue_GivesFloat32()
    {
        TorchScriptFixtures.AssertOpCase("full", atol: 0);
    }

    [Fact]
    public void Lower_WhenSizeIsStatic_FoldsToAConstant()
    {
        // x * full((x.size(0), 3), 2.5) with x [2, 3].
        var model = TorchScriptFixtures.AssertOpCase("full_size", atol: 0);

        Assert.DoesNotContain(model.Graph.Nodes, n => n.OpType == "ConstantOfShape");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Lower_WhenSizeHoldsTheSymbolicBatch_FillsAtRunTime(long batch)
    {
        var module = TorchScriptFixtures.LoadOpCase("full_size", out _);
        var x = TorchScriptFixtures.Ramp(batch, 3);
        ValueInfo[] graphInputs = [new("x", DataType.Float32, new TensorShape([Dim.Named("batch"), Dim.Fixed(3)]))];

        var outputs = TorchScriptFixtures.ConvertAndRun(module, graphInputs, [new NamedTensor("x", x)], out var model);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "ConstantOfShape");
        var output = Assert.Single(outputs).Data;
        Assert.Equal(new long[] { batch, 3 }, output.Shape);
        Assert.Equal(TorchScriptFixtures.Floats(x).Select(v => v * 2.5f), TorchScriptFixtures.Floats(output));
    }
}
