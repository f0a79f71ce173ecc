namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Diagonal"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class DiagonalTests
{
    [Fact]
    public void Lower_WhenOffsetAndSwappedDims_PutsTheDiagonalLast()
    {
        // torch.diagonal(x, 1, -1, 0) on x: [4, 2, 5]
        var model = TorchScriptFixtures.AssertOpCase("diagonal", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Gather");
    }
}
