namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Prelu"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class PreluTests
{
    [Fact]
    public void Lower_WhenPerChannelWeight_BroadcastsOverDim1()
    {
        var model = TorchScriptFixtures.AssertOpCase("prelu", atol: 1e-06);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "PRelu");
    }
}
