namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.PixelShuffle"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class PixelShuffleTests
{
    [Fact]
    public void Lower_WhenFactorTwo_IsDepthToSpaceCrd()
    {
        var model = TorchScriptFixtures.AssertOpCase("pixel_shuffle", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "DepthToSpace");
    }
}
