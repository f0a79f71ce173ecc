namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Min"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class MinTests
{
    [Fact]
    public void Lower_WhenDimAndKeepdim_GivesValuesAndIndices()
    {
        var model = TorchScriptFixtures.AssertOpCase("min_dim", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "ReduceMin");
        Assert.Contains(model.Graph.Nodes, n => n.OpType == "ArgMin");
    }

    [Fact]
    public void Lower_WhenNoDim_ReducesEverything()
    {
        TorchScriptFixtures.AssertOpCase("min_all", atol: 0);
    }
}
