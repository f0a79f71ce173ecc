using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::where.self(Tensor condition, Tensor self, Tensor other)</c> and its <c>.ScalarSelf</c>,
/// <c>.ScalarOther</c> and <c>.Scalar</c> overloads → ONNX <c>Where</c>, the two branches promoted to one type as
/// PyTorch does (a Python float with a float tensor keeps the tensor's type; two Python floats give float32).
/// The one-argument <c>where(condition)</c> (the indices of non-zeros) has no static shape: MBLD2015.
/// </summary>
public static class Where
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        if (!call.Has("self")) throw call.Unsupported("where(condition) returns indices whose count is only known at run time; use the three-argument form.");
        var condition = ctx.Cast(call.Tensor("condition"), DataType.Bool);
        var (a, b, type, shape) = Elementwise.Promote(ctx, call, call["self"], call["other"]);
        return ctx.Emit("Where", [ctx.In(condition), ctx.In(a), ctx.In(b)], type, LoweringContext.Broadcast(condition.Shape, shape));
    }
}
