namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Silu"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class SiluTests
{
    [Fact]
    public void Lower_WhenSilu_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("silu", atol: 1e-06);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Sigmoid");
    }
}
