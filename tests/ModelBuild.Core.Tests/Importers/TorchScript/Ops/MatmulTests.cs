namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Matmul"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class MatmulTests
{
    [Fact]
    public void Lower_WhenMatmul_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("matmul", atol: 1e-05);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "MatMul");
    }

    [Fact]
    public void Lower_WhenBmm_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("bmm", atol: 1e-05);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "MatMul");
    }
}
