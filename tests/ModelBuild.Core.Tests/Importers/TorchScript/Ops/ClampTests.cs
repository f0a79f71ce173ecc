namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Clamp"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class ClampTests
{
    [Fact]
    public void Lower_WhenClamp_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("clamp", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Clip");
    }

    [Fact]
    public void Lower_WhenClampMin_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("clamp_min", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Clip");
    }

    [Fact]
    public void Lower_WhenBoundsAreTensors_UsesMaxAndMin()
    {
        // torch.clamp(x, lo, hi) with per-element bounds: Clip only takes scalar bounds.
        var model = TorchScriptFixtures.AssertOpCase("clamp_tensor", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Max");
        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Min");
    }
}
