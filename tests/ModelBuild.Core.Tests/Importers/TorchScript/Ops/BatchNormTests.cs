namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.BatchNorm"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class BatchNormTests
{
    [Fact]
    public void Lower_WhenBatchNorm_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("batch_norm", atol: 1e-05);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "BatchNormalization");
    }
}
