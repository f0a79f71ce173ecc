namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.AvgPool1d"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class AvgPool1dTests
{
    [Fact]
    public void Lower_WhenPaddingExcluded_Matches()
    {
        var model = TorchScriptFixtures.AssertOpCase("avg_pool1d", atol: 1e-06);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "AveragePool");
    }
}
