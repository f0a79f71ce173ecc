namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.NativeMultiHeadAttention"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class NativeMultiHeadAttentionTests
{
    [Fact]
    public void Lower_WhenNativeMultiHeadAttention_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("native_multi_head_attention", atol: 1e-05);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Softmax");
    }
}
