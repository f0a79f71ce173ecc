namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Minimum"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class MinimumTests
{
    [Fact]
    public void Lower_WhenShapesBroadcast_Matches()
    {
        var model = TorchScriptFixtures.AssertOpCase("minimum", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Min");
    }
}
