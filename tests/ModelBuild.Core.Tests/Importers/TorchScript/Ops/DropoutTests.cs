namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Dropout"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class DropoutTests
{
    [Fact]
    public void Lower_WhenDropout_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("dropout", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Add");
    }

    [Fact]
    public void Lower_WhenInPlace_TakesSelfAndMatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("dropout_inplace", atol: 0);

        Assert.DoesNotContain(model.Graph.Nodes, n => n.OpType == "Dropout");
    }

    [Fact]
    public void Lower_WhenEval_EmitsNoNode()
    {
        var model = TorchScriptFixtures.AssertOpCase("dropout", atol: 0);

        Assert.DoesNotContain(model.Graph.Nodes, n => n.OpType == "Dropout");
    }
}
