using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Size"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class SizeTests
{
    [Fact]
    public void Lower_WhenViewSize_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("view_size", atol: 1e-06);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Reshape");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Lower_WhenBatchIsSymbolic_ComputesTheSizeAtRunTime(long batch)
    {
        var module = TorchScriptFixtures.LoadOpCase("view_size", out _);
        var input = TorchScriptFixtures.Ramp(batch, 3, 4);
        ValueInfo[] graphInputs = [new("x", DataType.Float32, new TensorShape([Dim.Named("batch"), Dim.Fixed(3), Dim.Fixed(4)]))];

        var outputs = TorchScriptFixtures.ConvertAndRun(module, graphInputs, [new NamedTensor("x", input)], out var model);

        // x.view(x.size(0), -1) + x.size(1): the static size 3 folds, the batch comes from Shape at run time.
        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Shape");
        var output = Assert.Single(outputs).Data;
        Assert.Equal(new long[] { batch, 12 }, output.Shape);
        Assert.Equal(TorchScriptFixtures.Floats(input).Select(v => v + 3f), TorchScriptFixtures.Floats(output));
    }

    [Fact]
    public void Lower_WhenShapeIsStatic_LeavesNoShapeOps()
    {
        var model = TorchScriptFixtures.AssertOpCase("view_size", atol: 1e-6);

        Assert.DoesNotContain(model.Graph.Nodes, n => n.OpType is "Shape" or "Gather");
    }
}
