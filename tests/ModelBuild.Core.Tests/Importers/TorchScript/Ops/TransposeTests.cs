namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Transpose"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class TransposeTests
{
    [Fact]
    public void Lower_WhenTranspose_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("transpose", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Transpose");
    }
}
