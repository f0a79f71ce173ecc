namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Prod"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class ProdTests
{
    [Fact]
    public void Lower_WhenDim_Matches()
    {
        var model = TorchScriptFixtures.AssertOpCase("prod", atol: 1e-05);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "ReduceProd");
    }

    [Fact]
    public void Lower_WhenAllDims_Matches()
    {
        TorchScriptFixtures.AssertOpCase("prod_all", atol: 1e-05);
    }
}
