namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Copy"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class CopyTests
{
    [Fact]
    public void Lower_WhenTensorIsCopiedIntoAStridedSliceOfARunTimeTensor_GathersItIntoPlace()
    {
        // y = x.clone(); y[1:, 0:4:2] = v; return y + 1
        var model = TorchScriptFixtures.AssertOpCase("clone_copy_slice", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Gather");
        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Where");
    }

    [Fact]
    public void Lower_WhenRunTimeValueIsCopiedIntoAConversionTimeTensor_Matches()
    {
        // m = x.new_zeros((2, 3)); m[:, 1] = x[:, 0]
        TorchScriptFixtures.AssertOpCase("new_zeros_copy", atol: 0);
    }

    [Fact]
    public void Lower_WhenValueBroadcastsIntoStridedColumns_Matches()
    {
        // y = x.clone(); y[:, 1:5:2] = v (v of shape [2]); return y - 1
        TorchScriptFixtures.AssertOpCase("clone_copy_columns", atol: 0);
    }

    [Fact]
    public void Lower_WhenTheWrittenTensorHasASymbolicBatch_StillMatches()
    {
        // Only the sliced dim (1) must be static; the batch dim of y may vary.
        TorchScriptOpCases.AssertWithSymbolicBatch("clone_copy_columns", atol: 0);
    }
}
