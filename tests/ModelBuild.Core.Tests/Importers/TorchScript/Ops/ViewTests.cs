using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.View"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class ViewTests
{
    [Fact]
    public void Lower_WhenViewSize_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("view_size", atol: 1e-06);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Reshape");
    }

    [Fact]
    public void Lower_WhenTargetHoldsASymbolicSize_BuildsTheShapeWithConcat()
    {
        var module = TorchScriptFixtures.LoadOpCase("floor_divide_size", out _);
        var input = TorchScriptFixtures.Ramp(3, 4, 3);
        ValueInfo[] graphInputs = [new("x", DataType.Float32, new TensorShape([Dim.Named("batch"), Dim.Fixed(4), Dim.Fixed(3)]))];

        // x.view(x.size(0), 2, x.size(1) // 2, -1) with a batch of 3 where the trace had 2.
        var outputs = TorchScriptFixtures.ConvertAndRun(module, graphInputs, [new NamedTensor("x", input)], out var model);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Concat");
        var output = Assert.Single(outputs).Data;
        Assert.Equal(new long[] { 3, 2, 2, 3 }, output.Shape);
        Assert.Equal(TorchScriptFixtures.Floats(input), TorchScriptFixtures.Floats(output));
    }

    [Fact]
    public void Lower_WhenReshape_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("reshape", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Reshape");
    }
}
