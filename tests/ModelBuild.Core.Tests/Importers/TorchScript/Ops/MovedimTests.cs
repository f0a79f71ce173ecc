namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Movedim"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class MovedimTests
{
    [Fact]
    public void Lower_WhenSourceAndDestination_Transposes()
    {
        var model = TorchScriptFixtures.AssertOpCase("movedim", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Transpose");
    }
}
