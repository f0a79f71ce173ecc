namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Gather"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class GatherTests
{
    [Fact]
    public void Lower_WhenIndexIsNarrowerThanSelf_GathersElements()
    {
        var model = TorchScriptFixtures.AssertOpCase("gather", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "GatherElements");
    }
}
