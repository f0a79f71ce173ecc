namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.LeakyRelu"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class LeakyReluTests
{
    [Fact]
    public void Lower_WhenLeakyRelu_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("leaky_relu", atol: 1e-06);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "LeakyRelu");
    }
}
