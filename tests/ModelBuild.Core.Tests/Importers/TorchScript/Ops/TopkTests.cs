namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Topk"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class TopkTests
{
    [Fact]
    public void Lower_WhenLargest_GivesValuesAndIndices()
    {
        var model = TorchScriptFixtures.AssertOpCase("topk", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "TopK");
    }

    [Fact]
    public void Lower_WhenSmallest_Matches()
    {
        TorchScriptFixtures.AssertOpCase("topk_smallest", atol: 0);
    }
}
