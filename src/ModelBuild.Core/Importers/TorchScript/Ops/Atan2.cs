using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::atan2(Tensor self, Tensor other) -&gt; Tensor</c> (and <c>atan2_</c>), the angle of (other, self): ONNX has
/// no atan2, so atan(self / other) shifted by ±π where other &lt; 0 (by the sign of self), and 0 where both are 0,
/// as PyTorch gives. Division by a zero other yields ±∞, whose atan is the ±π/2 atan2 gives there.
/// </summary>
public static class Atan2
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var (y, x, type, shape) = Elementwise.Promote(ctx, call, call["self"], call["other"]);
        if (!LoweringContext.IsFloating(type)) (y, x, type) = (ctx.Cast(y, DataType.Float32), ctx.Cast(x, DataType.Float32), DataType.Float32);
        string Zero() => ctx.In(ctx.Scalar(0, type));
        var angle = ctx.Unary("Atan", ctx.Emit("Div", [ctx.In(y), ctx.In(x)], type, shape));
        var left = ctx.Emit("Less", [ctx.In(x), Zero()], DataType.Bool, x.Shape);
        var below = ctx.Emit("Less", [ctx.In(y), Zero()], DataType.Bool, y.Shape);
        var turn = ctx.Emit("Where", [ctx.In(below), ctx.In(ctx.Scalar(-Math.PI, type)), ctx.In(ctx.Scalar(Math.PI, type))], type, y.Shape);
        var shift = ctx.Emit("Where", [ctx.In(left), ctx.In(turn), Zero()], type, shape);
        var result = ctx.Emit("Add", [ctx.In(angle), ctx.In(shift)], type, shape);
        var origin = ctx.Emit("And", [ctx.In(ctx.Emit("Equal", [ctx.In(x), Zero()], DataType.Bool, x.Shape)), ctx.In(ctx.Emit("Equal", [ctx.In(y), Zero()], DataType.Bool, y.Shape))], DataType.Bool, shape);
        return ctx.Emit("Where", [ctx.In(origin), Zero(), ctx.In(result)], type, shape);
    }
}
