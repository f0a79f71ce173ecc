using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::masked_select(Tensor self, Tensor mask) -&gt; Tensor</c>: the elements where the mask is true, in row-major
/// order, a 1-D tensor whose length only the run knows → self and mask broadcast to one shape, flattened, then ONNX
/// <c>Compress</c>. The result's length is symbolic (-1); later ops must not need it static.
/// </summary>
public static class MaskedSelect
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        var mask = ctx.Cast(call.Tensor("mask"), DataType.Bool);
        if (x.Shape is null || mask.Shape is null) throw call.Unsupported("self and mask must have known ranks.");
        var shape = LoweringContext.Broadcast(x.Shape, mask.Shape)!;
        x = Broadcast(ctx, x, mask, shape);
        mask = Broadcast(ctx, mask, x, shape);
        var flatX = ctx.Emit("Reshape", [ctx.In(x), ctx.In(ctx.Ints(-1))], x.DataType, [-1]);
        var flatMask = ctx.Emit("Reshape", [ctx.In(mask), ctx.In(ctx.Ints(-1))], DataType.Bool, [-1]);
        return ctx.Emit("Compress", [ctx.In(flatX), ctx.In(flatMask)], x.DataType, [-1], NodeAttribute.Of("axis", 0L));
    }

    /// <summary><paramref name="x"/> expanded to the common shape, taken from the other operand at run time when needed.</summary>
    private static TensorValue Broadcast(LoweringContext ctx, TensorValue x, TensorValue other, long[] shape)
    {
        if (x.Shape!.SequenceEqual(shape) && x.IsStatic) return x;
        if (shape.All(d => d >= 0)) return ctx.Emit("Expand", [ctx.In(x), ctx.In(ctx.Ints(shape))], x.DataType, shape);
        // A symbolic dim: Expand to the other operand's run-time shape broadcasts both ways, as Expand does.
        var otherShape = ctx.Emit("Shape", [ctx.In(other)], DataType.Int64, [other.Rank]);
        return ctx.Emit("Expand", [ctx.In(x), ctx.In(otherShape)], x.DataType, shape);
    }
}
