namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Unbind"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class UnbindTests
{
    [Fact]
    public void Lower_WhenDim_SplitsAndSqueezes()
    {
        var model = TorchScriptFixtures.AssertOpCase("unbind", atol: 1e-06);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Squeeze");
    }
}
