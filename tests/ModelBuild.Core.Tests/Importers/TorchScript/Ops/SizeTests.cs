namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Size"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class SizeTests
{
    [Fact]
    public void Lower_WhenViewSize_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("view_size", atol: 1e-06);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Reshape");
    }

    [Fact]
    public void Lower_WhenShapeIsStatic_LeavesNoShapeOps()
    {
        var model = TorchScriptFixtures.AssertOpCase("view_size", atol: 1e-6);

        Assert.DoesNotContain(model.Graph.Nodes, n => n.OpType is "Shape" or "Gather");
    }
}
