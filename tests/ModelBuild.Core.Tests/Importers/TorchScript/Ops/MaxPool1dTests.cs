namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.MaxPool1d"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class MaxPool1dTests
{
    [Fact]
    public void Lower_WhenPadded_Matches()
    {
        var model = TorchScriptFixtures.AssertOpCase("max_pool1d", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "MaxPool");
    }
}
