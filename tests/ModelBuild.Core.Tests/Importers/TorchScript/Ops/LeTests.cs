namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Le"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class LeTests
{
    [Fact]
    public void Lower_WhenLe_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("le", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Greater");
    }
}
