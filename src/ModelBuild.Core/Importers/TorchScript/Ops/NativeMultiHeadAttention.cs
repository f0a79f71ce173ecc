using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::_native_multi_head_attention(Tensor query, Tensor key, Tensor value, int embed_dim, int num_head,
/// Tensor qkv_weight, Tensor qkv_bias, Tensor proj_weight, Tensor proj_bias, Tensor? mask=None, bool need_weights=True,
/// bool average_attn_weights=True, int? mask_type=None) -&gt; (Tensor, Tensor)</c>: the fused path
/// <c>nn.MultiheadAttention</c> (batch_first) takes in eval under no_grad. Lowered to its definition on
/// [batch, length, embed] inputs: the q/k/v projections (qkv_weight split in three), heads by Reshape
/// [0, 0, heads, head_dim] (0 copies the batch, so it may be symbolic), softmax(q·kᵀ/√d)·v, heads merged, the output
/// projection. The weights output is the head average (or per head) when asked for, else None.
/// <para>
/// The mask is the one the module passes on its fast path: a key padding mask [batch, keys] (mask_type 1; True or
/// non-zero = ignore that key, as PyTorch converts a float mask to bool) or a full [batch, heads or 1, queries, keys]
/// mask. Masked scores become −∞ before the softmax, so a row with every key masked gives NaN, as PyTorch's does.
/// </para>
/// </summary>
public static class NativeMultiHeadAttention
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var (output, probabilities) = Attend(ctx, call, call.Tensor("query"), call.Tensor("key"), call.Tensor("value"), call.Int("embed_dim"),
            call.Int("num_head"), call.Tensor("qkv_weight"), call.Tensor("qkv_bias"), call.Tensor("proj_weight"), call.Tensor("proj_bias"),
            call.OptionalTensor("mask"), call.OptionalInt("mask_type"));

        object? attention = null;
        if (call.Bool("need_weights"))
        {
            var s = probabilities.Shape!;
            attention = call.Bool("average_attn_weights")
                ? ctx.Emit("ReduceMean", [ctx.In(probabilities)], probabilities.DataType, [s[0], s[2], s[3]], NodeAttribute.Of("axes", new long[] { 1 }), NodeAttribute.Of("keepdims", 0L))
                : probabilities;
        }
        return new TupleValue([output, attention]);
    }

    /// <summary>
    /// The attention itself, shared with <see cref="TransformerEncoderLayerFwd"/>: the projected output
    /// [batch, queries, embed] and the attention probabilities [batch, heads, queries, keys].
    /// </summary>
    internal static (TensorValue Output, TensorValue Probabilities) Attend(LoweringContext ctx, BoundCall call, TensorValue query, TensorValue key, TensorValue value,
        long embed, long heads, TensorValue qkvWeight, TensorValue qkvBias, TensorValue projWeight, TensorValue projBias, TensorValue? mask, long? maskType)
    {
        if (heads <= 0 || embed % heads != 0) throw call.Unsupported($"embed_dim {embed} is not a multiple of num_head {heads}.");
        if (query.Rank != 3 || key.Rank != 3 || value.Rank != 3) throw call.Unsupported("query, key and value must be 3-D [batch, length, embed].");
        long headDim = embed / heads;
        var type = query.DataType;

        var weights = ctx.EmitMany("Split", [ctx.In(qkvWeight), ctx.In(ctx.Ints(embed, embed, embed))], 3, NodeAttribute.Of("axis", 0L));
        var biases = ctx.EmitMany("Split", [ctx.In(qkvBias), ctx.In(ctx.Ints(embed, embed, embed))], 3, NodeAttribute.Of("axis", 0L));
        TensorValue Project(TensorValue x, string weight, string bias)
        {
            var transposed = ctx.Emit("Transpose", [weight], type, [embed, embed], NodeAttribute.Of("perm", new long[] { 1, 0 }));
            var product = ctx.Emit("MatMul", [ctx.In(x), ctx.In(transposed)], type, [x.Shape![0], x.Shape[1], embed]);
            return ctx.Emit("Add", [ctx.In(product), bias], type, product.Shape);
        }
        TensorValue Heads(TensorValue x, long[] perm)
        {
            var split = ctx.Emit("Reshape", [ctx.In(x), ctx.In(ctx.Ints(0, 0, heads, headDim))], type, [x.Shape![0], x.Shape[1], heads, headDim]);
            var s = split.Shape!;
            return ctx.Emit("Transpose", [ctx.In(split)], type, perm.Select(p => s[p]).ToArray(), NodeAttribute.Of("perm", perm));
        }

        var q = Heads(Project(query, weights[0], biases[0]), [0, 2, 1, 3]);   // [B, H, Lq, d]
        var k = Heads(Project(key, weights[1], biases[1]), [0, 2, 3, 1]);     // [B, H, d, Lk]
        var v = Heads(Project(value, weights[2], biases[2]), [0, 2, 1, 3]);   // [B, H, Lk, d]
        long batch = query.Shape![0], lq = query.Shape[1], lk = key.Shape![1];
        var scores = ctx.Emit("MatMul", [ctx.In(q), ctx.In(k)], type, [batch, heads, lq, lk]);
        var scaled = ctx.Emit("Mul", [ctx.In(scores), ctx.In(ctx.Scalar(1.0 / Math.Sqrt(headDim), type))], type, scores.Shape);
        if (mask is not null) scaled = Masked(ctx, call, scaled, mask, maskType);
        var probabilities = ctx.Emit("Softmax", [ctx.In(scaled)], type, scores.Shape, NodeAttribute.Of("axis", -1L));
        var context = ctx.Emit("MatMul", [ctx.In(probabilities), ctx.In(v)], type, [batch, heads, lq, headDim]);
        var merged = ctx.Emit("Transpose", [ctx.In(context)], type, [batch, lq, heads, headDim], NodeAttribute.Of("perm", new long[] { 0, 2, 1, 3 }));
        var joined = ctx.Emit("Reshape", [ctx.In(merged), ctx.In(ctx.Ints(0, 0, embed))], type, [batch, lq, embed]);
        var output = Project(joined, ctx.In(projWeight), ctx.In(projBias));
        return (output, probabilities);
    }

    /// <summary>Scores [B, H, Lq, Lk] with the masked positions set to −∞.</summary>
    private static TensorValue Masked(LoweringContext ctx, BoundCall call, TensorValue scores, TensorValue mask, long? maskType)
    {
        // PyTorch turns a non-bool mask into bool (non-zero = masked) before its masked softmax.
        var masked = ctx.Cast(mask, DataType.Bool);
        if (maskType == 1 || (maskType is null && masked.Rank == 2))
        {
            if (masked.Rank != 2) throw call.Unsupported($"a key padding mask (mask_type 1) must be 2-D [batch, keys], not rank {masked.Rank}.");
            // [B, Lk] → [B, 1, 1, Lk], broadcast over heads and queries.
            masked = ctx.Emit("Unsqueeze", [ctx.In(masked), ctx.In(ctx.Ints(1, 2))], DataType.Bool, [masked.Shape![0], 1, 1, masked.Shape[1]]);
        }
        else if (masked.Rank != 4)
            throw call.Unsupported($"a mask of rank {masked.Rank} with mask_type {maskType?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "None"} is not supported: expected a [batch, keys] key padding mask or a [batch, heads, queries, keys] mask.");
        var minusInfinity = ctx.Scalar(double.NegativeInfinity, scores.DataType);
        return ctx.Emit("Where", [ctx.In(masked), ctx.In(minusInfinity), ctx.In(scores)], scores.DataType, scores.Shape);
    }
}
