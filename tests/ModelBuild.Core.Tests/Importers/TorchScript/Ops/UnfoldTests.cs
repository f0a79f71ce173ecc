namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Unfold"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class UnfoldTests
{
    [Fact]
    public void Lower_WhenStepSmallerThanSize_OverlapsWindows()
    {
        // x.unfold(1, 3, 2) on x: [2, 7, 3] gives [2, 3, 3, 3]
        var model = TorchScriptFixtures.AssertOpCase("unfold", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Transpose");
    }
}
