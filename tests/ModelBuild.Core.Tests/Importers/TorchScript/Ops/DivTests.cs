namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Div"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class DivTests
{
    [Fact]
    public void Lower_WhenDiv_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("div", atol: 1e-06);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Div");
    }

    [Fact]
    public void Lower_WhenDivFloor_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("div_floor", atol: 1e-06);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Floor");
    }
}
