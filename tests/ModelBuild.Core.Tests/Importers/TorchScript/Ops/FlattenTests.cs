namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Flatten"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class FlattenTests
{
    [Fact]
    public void Lower_WhenFlatten_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("flatten", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Flatten");
    }

    [Fact]
    public void Lower_WhenFlattenMiddle_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("flatten_middle", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Reshape");
    }
}
