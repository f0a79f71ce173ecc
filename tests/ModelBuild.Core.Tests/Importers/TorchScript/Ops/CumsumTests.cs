namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Cumsum"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class CumsumTests
{
    [Fact]
    public void Lower_WhenDim_Matches()
    {
        var model = TorchScriptFixtures.AssertOpCase("cumsum", atol: 1e-05);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "CumSum");
    }
}
