namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.T"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class TTests
{
    [Fact]
    public void Lower_WhenT_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("t", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Transpose");
    }
}
