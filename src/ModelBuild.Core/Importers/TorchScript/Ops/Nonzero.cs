using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::nonzero(Tensor self) -&gt; Tensor</c>: the [count, rank] int64 indices of the non-zero elements, in
/// row-major order → ONNX <c>NonZero</c> ([rank, count]) transposed. The count is symbolic (-1).
/// </summary>
public static class Nonzero
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (x.Shape is not { } s) throw call.Unsupported("the input rank must be known.");
        var indices = ctx.Emit("NonZero", [ctx.In(x)], DataType.Int64, [s.Length, -1]);
        return ctx.Emit("Transpose", [ctx.In(indices)], DataType.Int64, [-1, s.Length], NodeAttribute.Of("perm", new long[] { 1, 0 }));
    }
}
