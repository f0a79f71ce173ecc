namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.IndexTensor"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class IndexTensorTests
{
    [Fact]
    public void Lower_WhenIndexTensor_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("index", atol: 1e-06);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Gather");
    }

    [Fact]
    public void Lower_WhenBoolMaskOverLeadingDims_CompressesTheRows()
    {
        // x[m] for x: [3, 4, 2] and m: [3, 4] gives the selected [2]-rows, row-major.
        var model = TorchScriptFixtures.AssertOpCase("index_mask", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Compress");
    }

    [Fact]
    public void Lower_WhenTwoIndexTensorsBroadcast_GathersPointwise()
    {
        // x[i, j] with i: [2, 1] and j: [3] picks a [2, 3] grid of x's [2]-rows.
        var model = TorchScriptFixtures.AssertOpCase("index_pointwise", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "GatherND");
    }
}
