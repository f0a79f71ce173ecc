namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Max"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class MaxTests
{
    [Fact]
    public void Lower_WhenDim_GivesValuesAndIndices()
    {
        // x.max(1)[0] + x.max(1)[1]: values plus indices (int64 promoted to float)
        var model = TorchScriptFixtures.AssertOpCase("max_dim", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "ReduceMax");
        Assert.Contains(model.Graph.Nodes, n => n.OpType == "ArgMax");
    }

    [Fact]
    public void Lower_WhenNoDim_ReducesEverything()
    {
        TorchScriptFixtures.AssertOpCase("max_all", atol: 0);
    }

    [Fact]
    public void Lower_WhenOtherTensor_IsElementwise()
    {
        var model = TorchScriptFixtures.AssertOpCase("max_other", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Max");
    }
}
