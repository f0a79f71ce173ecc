namespace ModelBuild.Cli.Tests.Commands;

/// <summary>
/// convert with traced <c>nn.TransformerEncoderLayer</c> / <c>TransformerDecoderLayer</c> / <c>MultiheadAttention</c>
/// (tests/fixtures/transformer): each traced at batch 2, converted with a symbolic batch, and gated at the default fp32
/// tolerance against PyTorch's outputs at batch 1 and batch 3. Key padding masks and 3-D attention masks change with the
/// batch, so they are inputs with a symbolic dim too.
/// </summary>
public sealed class TransformerConvertTests
{
    private const string BatchFirst = "float32[batch,5,16]";
    private const string SequenceFirst = "float32[5,batch,16]";

    [Theory]
    // Fused fast path (no_grad, batch_first): _transformer_encoder_layer_fwd / _native_multi_head_attention.
    [InlineData("encoder_fused", "src: " + BatchFirst)]
    [InlineData("encoder_fused_gelu_norm_first", "src: " + BatchFirst)]
    [InlineData("encoder_fused_padded", "src: " + BatchFirst, "src_key_padding_mask: bool[batch,5]")]
    [InlineData("mha_fused", "x: " + BatchFirst)]
    [InlineData("mha_fused_heads", "x: " + BatchFirst)]
    [InlineData("mha_fused_padded", "x: " + BatchFirst, "key_padding_mask: bool[batch,5]")]
    // Decomposed path (grad enabled, batch_first=False, or an attn_mask): linear/view/bmm/baddbmm/softmax.
    [InlineData("encoder_grad", "src: " + BatchFirst)]
    [InlineData("encoder_seq_first_gelu_norm_first", "src: " + SequenceFirst)]
    [InlineData("encoder_float_mask", "src: " + BatchFirst, "src_mask: float32[5,5]")]
    [InlineData("encoder_bool_mask_padded", "src: " + SequenceFirst, "src_mask: bool[5,5]", "src_key_padding_mask: bool[batch,5]")]
    [InlineData("encoder_3d_mask", "src: " + BatchFirst, "src_mask: float32[batch_heads,5,5]")]
    [InlineData("decoder_causal", "tgt: " + BatchFirst, "memory: float32[batch,4,16]", "tgt_mask: float32[5,5]")]
    [InlineData("decoder_padded_gelu_norm_first", "tgt: " + SequenceFirst, "memory: float32[4,batch,16]", "tgt_mask: bool[5,5]",
        "tgt_key_padding_mask: bool[batch,5]", "memory_key_padding_mask: bool[batch,4]")]
    [InlineData("mha_seq_first", "x: " + SequenceFirst)]
    [InlineData("mha_grad_padded", "x: " + BatchFirst, "key_padding_mask: bool[batch,5]")]
    // nn.TransformerEncoder: fused layers; with a padding mask, a nested tensor padded back to the longest sequence (3 of 5).
    [InlineData("encoder_stack", "src: " + BatchFirst)]
    [InlineData("encoder_stack_padded", "src: " + BatchFirst, "src_key_padding_mask: bool[batch,5]")]
    // The causal mask made inside forward (nn.Transformer.generate_square_subsequent_mask): full + triu, folded.
    [InlineData("decoder_generated_causal", "tgt: " + BatchFirst, "memory: float32[batch,4,16]")]
    // nn.Transformer: nested encoder stack, decoder with the causal mask made in forward and the padded memory.
    [InlineData("transformer_full", "src: " + BatchFirst, "tgt: float32[batch,4,16]", "src_key_padding_mask: bool[batch,5]")]
    [InlineData("mha_3d_bool_mask", "x: " + SequenceFirst, "attn_mask: bool[batch_heads,5,5]")]
    [InlineData("mha_cross_masked", "query: " + BatchFirst, "memory: float32[batch,4,16]", "attn_mask: bool[5,4]", "key_padding_mask: bool[batch,4]")]
    public void Convert_WhenTracedTransformerWithSymbolicBatch_PassesTheGateAtBatchOneAndThree(string fixture, params string[] inputs)
    {
        using var temp = new TempFolder();
        var args = new List<string> { "convert", CliRunner.Fixture($"transformer/{fixture}.pt"), "--reference", CliRunner.Fixture($"transformer/{fixture}.ref.npz"), "-o", temp.File("net.onnx") };
        foreach (var input in inputs) args.AddRange(["--input", input]);

        var result = CliRunner.Run([.. args]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("× 2 sets match within tolerance", result.Stdout);
        Assert.Contains("atol 1.0e-05, rtol 1.0e-04", result.Stdout);
        // The symbolic batch really was 1 and 3 in the two sets.
        Assert.Contains(inputs[0].Replace("batch", "1", StringComparison.Ordinal), result.Stdout);
        Assert.Contains(inputs[0].Replace("batch", "3", StringComparison.Ordinal), result.Stdout);
    }
}
