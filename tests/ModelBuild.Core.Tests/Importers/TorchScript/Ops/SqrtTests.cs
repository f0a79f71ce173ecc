namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Sqrt"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class SqrtTests
{
    [Fact]
    public void Lower_WhenSqrt_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("sqrt", atol: 1e-06);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Sqrt");
    }
}
