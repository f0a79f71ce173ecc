using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::where.self(Tensor condition, Tensor self, Tensor other)</c> and its <c>.ScalarSelf</c>,
/// <c>.ScalarOther</c> and <c>.Scalar</c> overloads → ONNX <c>Where</c>, the two branches promoted to one type as
/// PyTorch does (a Python float with a float tensor keeps the tensor's type; two Python floats give float32).
/// The one-argument <c>where(condition)</c> gives the indices of the non-zeros, one tensor per dim, from ONNX
/// <c>NonZero</c>; their length is symbolic.
/// </summary>
public static class Where
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        if (!call.Has("self")) return Indices(ctx, call);
        var condition = ctx.Cast(call.Tensor("condition"), DataType.Bool);
        var (a, b, type, shape) = Elementwise.Promote(ctx, call, call["self"], call["other"]);
        return ctx.Emit("Where", [ctx.In(condition), ctx.In(a), ctx.In(b)], type, LoweringContext.Broadcast(condition.Shape, shape));
    }

    /// <summary><c>where(condition)</c>: one int64 index tensor per dim (of symbolic length), the rows of ONNX <c>NonZero</c>.</summary>
    private static List<object?> Indices(LoweringContext ctx, BoundCall call)
    {
        var condition = call.Tensor("condition");
        if (condition.Shape is not { Length: > 0 } s) throw call.Unsupported("the condition must have a known rank of at least 1.");
        var indices = ctx.Emit("NonZero", [ctx.In(condition)], DataType.Int64, [s.Length, -1]);
        var rows = ctx.EmitMany("Split", [ctx.In(indices), ctx.In(ctx.Ints(Enumerable.Repeat(1L, s.Length).ToArray()))], s.Length, Graph.NodeAttribute.Of("axis", 0L));
        var axis = ctx.In(ctx.Ints(0));
        return rows.Select(row => (object?)ctx.Emit("Squeeze", [row, axis], DataType.Int64, [-1])).ToList();
    }
}
