using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::_transformer_encoder_layer_fwd(Tensor src, int embed_dim, int num_heads, Tensor qkv_weight, Tensor qkv_bias,
/// Tensor proj_weight, Tensor proj_bias, bool use_gelu, bool norm_first, float eps, Tensor norm_weight_1,
/// Tensor norm_bias_1, Tensor norm_weight_2, Tensor norm_bias_2, Tensor ffn_weight_1, Tensor ffn_bias_1,
/// Tensor ffn_weight_2, Tensor ffn_bias_2, Tensor? mask=None, int? mask_type=None) -&gt; Tensor</c>: the fused path
/// <c>nn.TransformerEncoderLayer</c> (batch_first, eval, no_grad, no src_mask) records. Lowered to what the layer
/// computes on [batch, length, embed]: self-attention (<see cref="NativeMultiHeadAttention"/>, with the key padding
/// mask), residual, LayerNormalization, Linear → ReLU or exact GELU → Linear, residual, LayerNormalization; with
/// norm_first each norm moves before its block and the residual skips it. A nested tensor (nn.TransformerEncoder's
/// fast path, see <see cref="NestedTensorFromMask"/>) attends only to its tokens: its token mask becomes the key padding
/// mask, and the result stays nested.
/// </summary>
public static class TransformerEncoderLayerFwd
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var src = call.Tensor("src");
        if (src.Rank != 3) throw call.Unsupported($"src must be 3-D [batch, length, embed], not rank {src.Rank}.");
        var type = src.DataType;
        var shape = src.Shape!;
        float eps = (float)call.Double("eps");
        bool normFirst = call.Bool("norm_first");

        TensorValue Norm(TensorValue x, string index) =>
            ctx.Emit("LayerNormalization", [ctx.In(x), ctx.In(call.Tensor("norm_weight_" + index)), ctx.In(call.Tensor("norm_bias_" + index))], type, shape,
                NodeAttribute.Of("axis", -1L), NodeAttribute.Of("epsilon", eps));
        TensorValue Add(TensorValue a, TensorValue b) => ctx.Emit("Add", [ctx.In(a), ctx.In(b)], type, shape);
        TensorValue Dense(TensorValue x, string index)
        {
            var weight = call.Tensor("ffn_weight_" + index);
            if (weight.Shape is not [var outFeatures, var inFeatures]) throw call.Unsupported($"ffn_weight_{index} must be 2-D.");
            var transposed = ctx.Emit("Transpose", [ctx.In(weight)], type, [inFeatures, outFeatures], NodeAttribute.Of("perm", new long[] { 1, 0 }));
            var product = ctx.Emit("MatMul", [ctx.In(x), ctx.In(transposed)], type, [shape[0], shape[1], outFeatures]);
            return ctx.Emit("Add", [ctx.In(product), ctx.In(call.Tensor("ffn_bias_" + index))], type, product.Shape);
        }
        var mask = call.OptionalTensor("mask");
        var maskType = call.OptionalInt("mask_type");
        if (src.NestedTokens is { } tokens)
        {
            if (mask is not null) throw call.Unsupported("a mask together with a nested tensor input is not supported.");
            mask = ctx.Unary("Not", tokens);
            maskType = 1;
        }
        TensorValue SelfAttention(TensorValue x) => NativeMultiHeadAttention.Attend(ctx, call, x, x, x, call.Int("embed_dim"), call.Int("num_heads"),
            call.Tensor("qkv_weight"), call.Tensor("qkv_bias"), call.Tensor("proj_weight"), call.Tensor("proj_bias"), mask, maskType).Output;
        TensorValue FeedForward(TensorValue x)
        {
            var hidden = Dense(x, "1");
            var activated = call.Bool("use_gelu") ? Gelu.Exact(ctx, hidden) : ctx.Unary("Relu", hidden);
            return Dense(activated, "2");
        }

        TensorValue output;
        if (normFirst)
        {
            var attended = Add(src, SelfAttention(Norm(src, "1")));
            output = Add(attended, FeedForward(Norm(attended, "2")));
        }
        else
        {
            var first = Norm(Add(src, SelfAttention(src)), "1");
            output = Norm(Add(first, FeedForward(first)), "2");
        }
        return src.NestedTokens is null ? output : new TensorValue(output.Name, output.DataType, output.Shape) { NestedTokens = src.NestedTokens };
    }
}
