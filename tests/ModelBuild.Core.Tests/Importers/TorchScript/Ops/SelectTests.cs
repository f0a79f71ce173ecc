namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Select"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class SelectTests
{
    [Fact]
    public void Lower_WhenSelect_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("select", atol: 1e-05);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Gather");
    }
}
