namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Maximum"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class MaximumTests
{
    [Fact]
    public void Lower_WhenShapesBroadcast_Matches()
    {
        var model = TorchScriptFixtures.AssertOpCase("maximum", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Max");
    }
}
