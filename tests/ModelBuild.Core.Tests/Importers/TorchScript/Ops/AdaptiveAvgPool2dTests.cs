namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.AdaptiveAvgPool2d"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class AdaptiveAvgPool2dTests
{
    [Fact]
    public void Lower_WhenAdaptiveAvgPool2d_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("adaptive_avg_pool2d", atol: 1e-06);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "AveragePool");
    }

    [Fact]
    public void Lower_WhenOutputDoesNotDivideInput_UsesBinMatricesAndMatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("adaptive_avg_pool2d_uneven", atol: 1e-06);

        Assert.Equal(2, model.Graph.Nodes.Count(n => n.OpType == "MatMul"));
    }

    [Fact]
    public void Lower_WhenAdaptiveAvgPool2dGlobal_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("adaptive_avg_pool2d_global", atol: 1e-06);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "GlobalAveragePool");
    }
}
