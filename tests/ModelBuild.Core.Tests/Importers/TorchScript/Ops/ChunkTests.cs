namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Chunk"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class ChunkTests
{
    [Fact]
    public void Lower_WhenSizeDoesNotDivide_SplitsAsPyTorchAndMatches()
    {
        // 7 channels in 3 chunks: 3, 3, 1.
        var model = TorchScriptFixtures.AssertOpCase("chunk", atol: 1e-06);

        var split = Assert.Single(model.Graph.Nodes, n => n.OpType == "Split");
        Assert.Equal(3, split.Outputs.Count);
    }
}
