using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::layer_norm(Tensor input, int[] normalized_shape, Tensor? weight=None, Tensor? bias=None,
/// float eps=1e-05, bool cudnn_enable=True) -&gt; Tensor</c> → ONNX <c>LayerNormalization(axis=-len(normalized_shape))</c>
/// (opset 17); a missing weight becomes ones.
/// </summary>
public static class LayerNorm
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("input");
        var normalized = call.Ints("normalized_shape");
        var scale = call.OptionalTensor("weight") is { } w ? ctx.In(w)
            : ctx.EmitConstant(Enumerable.Repeat(1.0, (int)normalized.Aggregate(1L, (a, b) => a * b)).ToArray(), x.DataType, normalized);
        var inputs = call.OptionalTensor("bias") is { } b ? new[] { ctx.In(x), scale, ctx.In(b) } : [ctx.In(x), scale];
        return ctx.Emit("LayerNormalization", inputs, x.DataType, x.Shape,
            NodeAttribute.Of("axis", (long)-normalized.Length), NodeAttribute.Of("epsilon", (float)call.Double("eps")));
    }
}
