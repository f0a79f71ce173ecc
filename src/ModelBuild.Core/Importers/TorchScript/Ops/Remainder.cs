using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::remainder.Tensor(Tensor self, Tensor other) -&gt; Tensor</c> (and <c>.Scalar</c>, <c>.Scalar_Tensor</c>,
/// <c>remainder_</c>): Python's modulo, with the divisor's sign. Known operands fold (Swin's padding arithmetic);
/// integers → ONNX <c>Mod(fmod=0)</c>; floats → a − floor(a / b)·b (ONNX's float Mod is fmod only).
/// </summary>
public static class Remainder
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var left = call["self"];
        var right = call["other"];
        var (a, b, type, shape) = Elementwise.Promote(ctx, call, left, right);
        if (a.Known is [var x] && b.Known is [var y] && y != 0) return new TensorValue(null, type, shape, [x - Math.Floor(x / y) * y]);
        if (!LoweringContext.IsFloating(type)) return ctx.Emit("Mod", [ctx.In(a), ctx.In(b)], type, shape, NodeAttribute.Of("fmod", 0L));
        var quotient = ctx.Unary("Floor", ctx.Emit("Div", [ctx.In(a), ctx.In(b)], type, shape));
        var product = ctx.Emit("Mul", [ctx.In(quotient), ctx.In(b)], type, shape);
        return ctx.Emit("Sub", [ctx.In(a), ctx.In(product)], type, shape);
    }
}
