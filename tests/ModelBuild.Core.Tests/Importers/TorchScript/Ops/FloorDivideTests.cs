namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.FloorDivide"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class FloorDivideTests
{
    [Fact]
    public void Lower_WhenFloorDivide_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("floor_divide", atol: 1e-06);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Div");
        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Floor");
    }

    [Fact]
    public void Lower_WhenOperandsAreTracedSizes_FoldsToAConstantShape()
    {
        var model = TorchScriptFixtures.AssertOpCase("floor_divide_size", atol: 0);

        Assert.DoesNotContain(model.Graph.Nodes, n => n.OpType == "Div");
    }
}
