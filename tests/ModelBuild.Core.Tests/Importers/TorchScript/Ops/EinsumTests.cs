namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Einsum"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class EinsumTests
{
    [Fact]
    public void Lower_WhenBatchedMatmul_Matches()
    {
        var model = TorchScriptFixtures.AssertOpCase("einsum", atol: 1e-05);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Einsum");
    }
}
