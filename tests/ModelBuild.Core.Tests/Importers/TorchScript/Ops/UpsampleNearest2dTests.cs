namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.UpsampleNearest2d"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class UpsampleNearest2dTests
{
    [Fact]
    public void Lower_WhenUpsampleNearest2d_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("upsample_nearest2d", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Resize");
    }

    [Fact]
    public void Lower_WhenUpsampleNearest2dSize_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("upsample_nearest2d_size", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Resize");
    }
}
