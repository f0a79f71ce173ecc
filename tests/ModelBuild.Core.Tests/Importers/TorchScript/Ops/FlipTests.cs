namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Flip"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class FlipTests
{
    [Fact]
    public void Lower_WhenTwoDims_ReversesBoth()
    {
        var model = TorchScriptFixtures.AssertOpCase("flip", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Slice");
    }
}
