using ModelBuild.Core.Graph;
using ModelBuild.Core.Importers.TorchScript;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.TransformerEncoderLayerFwd"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class TransformerEncoderLayerFwdTests
{
    [Fact]
    public void Lower_WhenReluAndNormAfter_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("transformer_encoder_layer_fwd", atol: 1e-05);

        Assert.Equal(2, model.Graph.Nodes.Count(n => n.OpType == "LayerNormalization"));
        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Relu");
        Assert.DoesNotContain(model.Graph.Nodes, n => n.OpType == "Where");
    }

    [Fact]
    public void Lower_WhenGeluNormFirstAndKeyPaddingMask_MatchesPyTorch()
    {
        // 4 heads, eps 1e-3, the second sequence's last two keys padded (mask_type 1).
        var model = TorchScriptFixtures.AssertOpCase("transformer_encoder_layer_fwd_gelu_norm_first_padded", atol: 1e-05);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Erf");
        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Where");
        Assert.All(model.Graph.Nodes.Where(n => n.OpType == "LayerNormalization"),
            n => Assert.Equal(1e-3f, n.Attributes.Single(a => a.Name == "epsilon").Float));
    }

    [Fact]
    public void Lower_WhenBatchIsSymbolic_MasksEachSequenceAtRunTime()
    {
        TorchScriptFixtures.AssertOpCaseWithSymbolicBatch("transformer_encoder_layer_fwd_gelu_norm_first_padded", ["x", "m"], atol: 1e-05);
    }

    [Fact]
    public void Lower_WhenInputIsNested_UsesItsTokensAsTheKeyPaddingMaskAndStaysNested()
    {
        // nn.TransformerEncoder's fast path: nested in, nested out, padded by to_padded_tensor.
        var module = TorchScriptFixtures.FromSource("""
            class M(Module):
              __parameters__ = []
              __buffers__ = []
              training : bool
              def forward(self: __torch__.M, x: Tensor, m: Tensor, qw: Tensor, qb: Tensor, pw: Tensor, pb: Tensor, nw: Tensor, nb: Tensor, f1w: Tensor, f1b: Tensor, f2w: Tensor, f2b: Tensor) -> Tensor:
                _0 = torch._nested_tensor_from_mask(x, m, False)
                _1 = torch._transformer_encoder_layer_fwd(_0, 8, 2, qw, qb, pw, pb, False, False, 1.0000000000000001e-05, nw, nb, nw, nb, f1w, f1b, f2w, f2b)
                return torch.to_padded_tensor(_1, 0.)
            """);
        ValueInfo F(string name, params long[] shape) => new(name, DataType.Float32, TensorShape.Of(shape));
        ValueInfo[] inputs =
        [
            F("x", 2, 5, 8), new("m", DataType.Bool, TensorShape.Of(2, 5)), F("qw", 24, 8), F("qb", 24), F("pw", 8, 8), F("pb", 8),
            F("nw", 8), F("nb", 8), F("f1w", 12, 8), F("f1b", 12), F("f2w", 8, 12), F("f2b", 8),
        ];

        var model = TorchScriptGraphBuilder.Build(module, new TorchScriptImportOptions(inputs));

        // The token mask (Less) is inverted into the attention's key padding mask (Not → Where before the softmax).
        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Not");
        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Where" && model.Graph.Nodes.Any(s => s.OpType == "Softmax" && s.Inputs[0] == n.Outputs[0]));
    }
}
