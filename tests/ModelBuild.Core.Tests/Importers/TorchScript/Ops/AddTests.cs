namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Add"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class AddTests
{
    [Fact]
    public void Lower_WhenAddTensor_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("add_tensor", atol: 1e-06);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Add");
    }

    [Fact]
    public void Lower_WhenAddAlpha_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("add_alpha", atol: 1e-06);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Mul");
    }

    [Fact]
    public void Lower_WhenAddScalar_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("add_scalar", atol: 1e-06);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Add");
    }

    [Fact]
    public void Lower_WhenAddInplace_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("add_inplace", atol: 1e-06);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Add");
    }
}
