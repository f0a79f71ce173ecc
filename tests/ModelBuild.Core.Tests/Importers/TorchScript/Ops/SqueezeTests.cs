namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Squeeze"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class SqueezeTests
{
    [Fact]
    public void Lower_WhenNoDim_DropsEverySizeOneDim()
    {
        var model = TorchScriptFixtures.AssertOpCase("squeeze", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Squeeze");
    }

    [Fact]
    public void Lower_WhenDimIsNotOne_IsTheInput()
    {
        // x.squeeze(1) squeezes; x.squeeze(0) of size 2 is x itself
        TorchScriptFixtures.AssertOpCase("squeeze_dim", atol: 1e-05);
    }
}
