namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.SplitWithSizes"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class SplitWithSizesTests
{
    [Fact]
    public void Lower_WhenSizesGiven_SplitsIntoThem()
    {
        // x.split([1, 3, 1], 1)[1] * 3: one part used.
        var model = TorchScriptFixtures.AssertOpCase("split_with_sizes", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Split");
    }

    [Fact]
    public void Lower_WhenSizesAreUneven_SplitsAsPyTorchAndMatches()
    {
        // torch.split(x, [1, 3, 2], 1), each part scaled differently and concatenated back.
        var model = TorchScriptFixtures.AssertOpCase("split_with_sizes_all", atol: 1e-06);

        var split = Assert.Single(model.Graph.Nodes, n => n.OpType == "Split");
        Assert.Equal(3, split.Outputs.Count);
    }
}
