namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Dim"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class DimTests
{
    [Fact]
    public void Lower_WhenDim_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("dim", atol: 1e-06);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Add");
    }

    [Fact]
    public void Lower_WhenRankIsKnown_ResolvesTheBranch()
    {
        var model = TorchScriptFixtures.AssertOpCase("dim", atol: 1e-6);

        Assert.DoesNotContain(model.Graph.Nodes, n => n.OpType is "Sub" or "If");
    }
}
