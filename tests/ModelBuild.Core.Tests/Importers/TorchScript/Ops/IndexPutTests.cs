namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.IndexPut"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class IndexPutTests
{
    [Fact]
    public void Lower_WhenRowsOfARunTimeTensorAreAssigned_Scatters()
    {
        // y = x.clone(); y[i] = v
        var model = TorchScriptFixtures.AssertOpCase("index_put", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "ScatterElements");
    }

    [Fact]
    public void Lower_WhenMaskIsAssignedAScalar_UsesWhere()
    {
        // y = x.clone(); y[x > 0.5] = -1.0
        var model = TorchScriptFixtures.AssertOpCase("index_put_mask", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Where");
    }

    [Fact]
    public void Lower_WhenAccumulateWithRepeatedIndices_Adds()
    {
        TorchScriptFixtures.AssertOpCase("index_put_accumulate", atol: 1e-06);
    }

    [Fact]
    public void Lower_WhenMaskedTensorHasASymbolicBatch_StillMatches()
    {
        TorchScriptOpCases.AssertWithSymbolicBatch("index_put_mask", atol: 0);
    }
}
