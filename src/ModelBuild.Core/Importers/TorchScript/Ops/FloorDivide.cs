using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::floor_divide(Tensor self, Tensor other) -&gt; Tensor</c> (and <c>.Scalar</c>, <c>floor_divide_</c>): floor
/// division (PyTorch 1.13 floors; earlier versions truncated). Known operands (traced channel arithmetic such as
/// ShuffleNet's <c>num_channels // groups</c>) fold; floats known only at run time → <c>Div</c> then <c>Floor</c>;
/// integers → <c>Div(a - Mod(a, b), b)</c>, exact where ONNX's integer <c>Div</c> would truncate.
/// </summary>
public static class FloorDivide
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var left = call["self"];
        var right = call["other"];
        var type = LoweringContext.ResultType([left, right]);
        if (LoweringContext.IsFloating(type))
        {
            var quotient = Elementwise.Binary(ctx, call, "Div", left, right, (a, b) => Math.Floor(a / b));
            return quotient.Name is null ? quotient : ctx.Unary("Floor", quotient);
        }
        var a = ctx.Cast(ctx.AsTensor(left, type, call, "self"), type);
        var b = ctx.Cast(ctx.AsTensor(right, type, call, "other"), type);
        if (a.Known is [var x] && b.Known is [var y] && y != 0)
            return new TensorValue(null, type, LoweringContext.Broadcast(a.Shape, b.Shape), [Math.Floor(x / y)]);
        var remainder = ctx.Emit("Mod", [ctx.In(a), ctx.In(b)], type, LoweringContext.Broadcast(a.Shape, b.Shape));
        var exact = ctx.Emit("Sub", [ctx.In(a), ctx.In(remainder)], type, remainder.Shape);
        return ctx.Emit("Div", [ctx.In(exact), ctx.In(b)], type, remainder.Shape);
    }
}
