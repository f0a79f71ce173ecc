namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.FrobeniusNorm"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class FrobeniusNormTests
{
    [Fact]
    public void Lower_WhenDimAndKeepdim_UsesReduceL2()
    {
        // x.norm(dim=-1) traces to aten::frobenius_norm.dim
        var model = TorchScriptFixtures.AssertOpCase("frobenius_norm", atol: 1e-05);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "ReduceL2");
    }
}
