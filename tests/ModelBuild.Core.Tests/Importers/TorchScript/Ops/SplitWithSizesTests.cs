namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.SplitWithSizes"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class SplitWithSizesTests
{
    [Fact]
    public void Lower_WhenSizesGiven_SplitsIntoThem()
    {
        var model = TorchScriptFixtures.AssertOpCase("split_with_sizes", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Split");
    }
}
