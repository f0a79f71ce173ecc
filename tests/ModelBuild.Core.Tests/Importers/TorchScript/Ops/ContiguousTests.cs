namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Contiguous"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class ContiguousTests
{
    [Fact]
    public void Lower_WhenPermute_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("permute", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Transpose");
    }

    [Fact]
    public void Lower_WhenCalled_EmitsNoNode()
    {
        var model = TorchScriptFixtures.AssertOpCase("permute", atol: 0);

        Assert.Equal(1, model.Graph.Nodes.Count(n => n.OpType != "Identity"));
    }
}
