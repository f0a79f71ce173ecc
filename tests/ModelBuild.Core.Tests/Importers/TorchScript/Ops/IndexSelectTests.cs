namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.IndexSelect"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class IndexSelectTests
{
    [Fact]
    public void Lower_WhenIndexRepeats_Gathers()
    {
        var model = TorchScriptFixtures.AssertOpCase("index_select", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Gather");
    }
}
