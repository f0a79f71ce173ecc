namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.UpsampleBilinear2d"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class UpsampleBilinear2dTests
{
    [Fact]
    public void Lower_WhenUpsampleBilinear2d_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("upsample_bilinear2d", atol: 1e-06);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Resize");
    }

    [Fact]
    public void Lower_WhenUpsampleBilinear2dCorners_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("upsample_bilinear2d_corners", atol: 1e-06);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Resize");
    }
}
