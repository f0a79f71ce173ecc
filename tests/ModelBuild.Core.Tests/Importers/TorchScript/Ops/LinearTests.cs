namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Linear"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class LinearTests
{
    [Fact]
    public void Lower_WhenLinear_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("linear", atol: 1e-05);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Gemm");
    }

    [Fact]
    public void Lower_WhenLinear3d_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("linear_3d", atol: 1e-05);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "MatMul");
    }
}
