namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Relu"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class ReluTests
{
    [Fact]
    public void Lower_WhenRelu_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("relu", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Relu");
    }

    [Fact]
    public void Lower_WhenReluInplace_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("relu_inplace", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Relu");
    }
}
