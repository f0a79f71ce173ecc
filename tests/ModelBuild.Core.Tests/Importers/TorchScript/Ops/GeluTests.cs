namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Gelu"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class GeluTests
{
    [Fact]
    public void Lower_WhenGelu_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("gelu", atol: 1e-05);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Erf");
    }

    [Fact]
    public void Lower_WhenGeluTanh_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("gelu_tanh", atol: 1e-05);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Tanh");
    }
}
