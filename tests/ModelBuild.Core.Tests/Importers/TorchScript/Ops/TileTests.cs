namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Tile"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class TileTests
{
    [Fact]
    public void Lower_WhenFewerDimsThanRank_PadsWithOnes()
    {
        var model = TorchScriptFixtures.AssertOpCase("tile", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Tile");
    }
}
