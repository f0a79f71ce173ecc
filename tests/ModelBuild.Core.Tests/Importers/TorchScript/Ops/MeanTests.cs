namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Mean"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class MeanTests
{
    [Fact]
    public void Lower_WhenMeanDim_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("mean_dim", atol: 1e-06);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "ReduceMean");
    }

    [Fact]
    public void Lower_WhenMeanAll_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("mean_all", atol: 1e-06);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "ReduceMean");
    }
}
