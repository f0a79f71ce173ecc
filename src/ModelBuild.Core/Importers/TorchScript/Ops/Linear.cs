using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::linear(Tensor input, Tensor weight, Tensor? bias=None) -&gt; Tensor</c> → ONNX <c>Gemm(transB=1)</c> for a
/// 2-D input, otherwise <c>MatMul</c> with the transposed weight and <c>Add</c> of the bias.
/// </summary>
public static class Linear
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("input");
        var w = call.Tensor("weight");
        var b = call.OptionalTensor("bias");
        long outFeatures = w.Shape is [var o, _] ? o : w.Shape is [_] ? 1 : -1;
        long[]? shape = x.Shape is null ? null : w.Shape is [_] ? x.Shape[..^1] : [.. x.Shape[..^1], outFeatures];
        if (x.Rank == 2 && w.Rank == 2)
        {
            var inputs = b is null ? new[] { ctx.In(x), ctx.In(w) } : [ctx.In(x), ctx.In(w), ctx.In(b)];
            return ctx.Emit("Gemm", inputs, x.DataType, shape, NodeAttribute.Of("transB", 1L));
        }
        var wt = w.Rank == 2 ? ctx.Emit("Transpose", [ctx.In(w)], w.DataType, w.Shape is { } s ? [s[1], s[0]] : null, NodeAttribute.Of("perm", new long[] { 1, 0 })) : w;
        var y = ctx.Emit("MatMul", [ctx.In(x), ctx.In(wt)], x.DataType, shape);
        return b is null ? y : ctx.Emit("Add", [ctx.In(y), ctx.In(b)], x.DataType, shape);
    }
}
