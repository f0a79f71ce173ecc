namespace ModelBuild.Core.Tests.Importers.PyTorch.Modules.Ops;

/// <summary>
/// TransformerEncoderLayer, with its MultiheadAttention and out_proj (NonDynamicallyQuantizableLinear): minimal
/// torch.save(model) fixtures → ONNX → ONNX Runtime, against PyTorch's outputs at batch 2 and 3.
/// </summary>
public sealed class TransformerEncoderLayerTests
{
    [Theory]
    // Batch-first, relu, post-norm: PyTorch computed the reference with its fused kernel (no_grad).
    [InlineData("ops/transformer_encoder_layer", "x: float32[batch,4,8]", new[] { "Softmax", "Relu", "LayerNormalization" })]
    // Sequence-first, 4 heads, gelu (F.gelu), norm_first, eps 1e-3; the fixtures vary dim 0, which here is the sequence
    // length (named batch, as ModuleParity checks), with 3 sequences.
    [InlineData("ops/transformer_encoder_layer_seq_first_gelu_norm_first", "x: float32[batch,3,8]", new[] { "Softmax", "Erf", "LayerNormalization" })]
    public void Convert_WhenSavedByPyTorch_MatchesItsOutputsWithASymbolicBatch(string fixture, string input, string[] opTypes)
    {
        ModuleParity.AssertMatchesPyTorch(fixture, input, opTypes);
    }
}
