namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Baddbmm"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class BaddbmmTests
{
    [Fact]
    public void Lower_WhenBetaAndAlphaAreSet_ScalesBothTermsAsPyTorch()
    {
        // baddbmm(c, a, b, beta=0.5, alpha=2): an int alpha and a float beta.
        var model = TorchScriptFixtures.AssertOpCase("baddbmm", atol: 1e-05);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "MatMul");
        Assert.Equal(2, model.Graph.Nodes.Count(n => n.OpType == "Mul"));
    }

    [Fact]
    public void Lower_WhenBetaAndAlphaAreFloats_ScalesBothTermsAsPyTorch()
    {
        // baddbmm(c, a, b, beta=0.5, alpha=2.0): both scalars traced as floats.
        var model = TorchScriptFixtures.AssertOpCase("baddbmm_float_scalars", atol: 1e-05);

        Assert.Equal(2, model.Graph.Nodes.Count(n => n.OpType == "Mul"));
    }

    [Fact]
    public void Lower_WhenSelfBroadcastsOverTheBatch_AddsItToEveryProductWithoutScaling()
    {
        // Attention's additive mask: self [1, 3, 4] against products [2, 3, 4], beta and alpha left at 1.
        var model = TorchScriptFixtures.AssertOpCase("baddbmm_broadcast", atol: 1e-05);

        Assert.DoesNotContain(model.Graph.Nodes, n => n.OpType == "Mul");
        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Add");
    }
}
