namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Mul"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class MulTests
{
    [Fact]
    public void Lower_WhenMul_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("mul", atol: 1e-06);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Mul");
    }

    [Fact]
    public void Lower_WhenMulTensor_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("mul_tensor", atol: 1e-06);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Mul");
    }
}
