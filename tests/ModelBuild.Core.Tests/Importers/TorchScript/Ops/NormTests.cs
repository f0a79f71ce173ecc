namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Norm"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class NormTests
{
    [Fact]
    public void Lower_WhenP1OverADim_UsesReduceL1()
    {
        var model = TorchScriptFixtures.AssertOpCase("norm_p1", atol: 1e-05);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "ReduceL1");
    }

    [Fact]
    public void Lower_WhenAllDims_UsesReduceL2()
    {
        var model = TorchScriptFixtures.AssertOpCase("norm_all", atol: 1e-05);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "ReduceL2");
    }

    [Fact]
    public void Lower_WhenFNormalize_MatchesThroughClampMinAndExpandAs()
    {
        TorchScriptFixtures.AssertOpCase("normalize", atol: 1e-05);
    }
}
