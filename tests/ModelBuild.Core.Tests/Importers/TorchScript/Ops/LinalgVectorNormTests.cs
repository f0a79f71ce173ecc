namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.LinalgVectorNorm"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class LinalgVectorNormTests
{
    [Fact]
    public void Lower_WhenOrd1_UsesReduceL1()
    {
        var model = TorchScriptFixtures.AssertOpCase("linalg_vector_norm", atol: 1e-05);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "ReduceL1");
    }

    [Fact]
    public void Lower_WhenOrd3OverAll_UsesPowers()
    {
        var model = TorchScriptFixtures.AssertOpCase("linalg_vector_norm_3", atol: 1e-05);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Pow");
    }
}
