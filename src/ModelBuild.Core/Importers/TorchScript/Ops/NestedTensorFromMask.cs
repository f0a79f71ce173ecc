using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::_nested_tensor_from_mask(Tensor t, Tensor mask, bool mask_check=True) -&gt; Tensor</c>: what
/// <c>nn.TransformerEncoder</c>'s fast path (eval, no_grad, batch_first, a key padding mask) makes of its input, a
/// NestedTensor whose sequence i is <c>t[i, :mask[i].sum()]</c> (mask True = token; PyTorch assumes the tokens are
/// left-aligned and takes the count). ONNX has no ragged tensors, so it stays the padded [batch, length, embed] value
/// with <see cref="TensorValue.NestedTokens"/> = (position &lt; count), which the encoder layers turn into a key padding
/// mask and <c>to_padded_tensor</c> into zeros. Only the ops in <see cref="Consumers"/> may take it.
/// </summary>
public static class NestedTensorFromMask
{
    /// <summary>The ops whose lowerings honour <see cref="TensorValue.NestedTokens"/>; any other gets MBLD2015.</summary>
    public static readonly IReadOnlySet<string> Consumers = new HashSet<string>(StringComparer.Ordinal) { "_transformer_encoder_layer_fwd", "to_padded_tensor" };

    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var t = call.Tensor("t");
        var mask = call.Tensor("mask");
        if (t.Rank != 3 || mask.Rank != 2) throw call.Unsupported($"t must be 3-D [batch, length, embed] and mask 2-D [batch, length], not rank {t.Rank} and {mask.Rank}.");
        long length = t.Shape![1];
        if (length < 0) throw call.Unsupported("the sequence length must be static.");
        var counts = ctx.Emit("ReduceSum", [ctx.In(ctx.Cast(mask, DataType.Int64)), ctx.In(ctx.Ints(1))], DataType.Int64, [mask.Shape![0], 1], NodeAttribute.Of("keepdims", 1L));
        var positions = ctx.Ints(Enumerable.Range(0, (int)length).Select(i => (long)i).ToArray());
        var tokens = ctx.Emit("Less", [ctx.In(positions), ctx.In(counts)], DataType.Bool, [mask.Shape[0], length]);
        return new TensorValue(ctx.In(t), t.DataType, t.Shape, t.Known) { NestedTokens = tokens };
    }
}
