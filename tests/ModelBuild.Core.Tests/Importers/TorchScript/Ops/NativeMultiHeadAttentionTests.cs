using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Importers.TorchScript;
using ModelBuild.Core.Tensors;

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

    [Fact]
    public void Lower_WhenKeyPaddingMaskAndWeights_MatchesBothOutputs()
    {
        // cat([output, averaged weights], -1); the second sequence's last two keys padded (mask_type 1): their weights are 0.
        var model = TorchScriptFixtures.AssertOpCase("native_multi_head_attention_padded", atol: 1e-05);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Where");
        Assert.Contains(model.Graph.Nodes, n => n.OpType == "ReduceMean");
    }

    [Fact]
    public void Lower_WhenBatchIsSymbolic_BroadcastsTheKeyPaddingMaskAtRunTime()
    {
        TorchScriptFixtures.AssertOpCaseWithSymbolicBatch("native_multi_head_attention_padded", ["x", "m"], atol: 1e-05);
    }

    [Fact]
    public void Lower_WhenMaskIsThreeDimensional_FailsNamingTheShape()
    {
        var module = TorchScriptFixtures.FromSource("""
            class M(Module):
              __parameters__ = []
              __buffers__ = []
              training : bool
              def forward(self: __torch__.M, x: Tensor, w: Tensor, b: Tensor, pw: Tensor, pb: Tensor, m: Tensor) -> Tensor:
                _0, _1 = torch._native_multi_head_attention(x, x, x, 8, 2, w, b, pw, pb, m, False, True, 0)
                return _0
            """);
        ValueInfo[] inputs =
        [
            new("x", DataType.Float32, TensorShape.Of(2, 6, 8)), new("w", DataType.Float32, TensorShape.Of(24, 8)),
            new("b", DataType.Float32, TensorShape.Of(24)), new("pw", DataType.Float32, TensorShape.Of(8, 8)),
            new("pb", DataType.Float32, TensorShape.Of(8)), new("m", DataType.Bool, TensorShape.Of(2, 6, 6)),
        ];

        var error = Assert.Throws<ModelBuildException>(() =>
            TorchScriptGraphBuilder.Build(module, new TorchScriptImportOptions(inputs)));

        Assert.Equal(DiagnosticCode.TorchScriptOperatorArguments, error.Code);
        Assert.Contains("rank 3", error.Message);
    }
}
