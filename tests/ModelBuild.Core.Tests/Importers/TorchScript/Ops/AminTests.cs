namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Amin"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class AminTests
{
    [Fact]
    public void Lower_WhenKeepdim_Matches()
    {
        var model = TorchScriptFixtures.AssertOpCase("amin", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "ReduceMin");
    }
}
