namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.AdaptiveMaxPool2d"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class AdaptiveMaxPool2dTests
{
    [Fact]
    public void Lower_WhenOutputDividesInput_IsAMaxPool()
    {
        var model = TorchScriptFixtures.AssertOpCase("adaptive_max_pool2d", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "MaxPool");
    }

    [Fact]
    public void Lower_WhenIndicesAreUsed_CountsWithinEachPlane()
    {
        TorchScriptOpCases.AssertTyped("adaptive_max_pool2d_indices");
    }
}
