using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// Shared by the arithmetic lowerings: PyTorch type promotion, broadcasting of static shapes, and folding when
/// both operands are known at conversion time (the 0-dim tensors of traced shape arithmetic).
/// </summary>
internal static class Elementwise
{
    /// <summary>Both operands as tensors of PyTorch's promoted type, with their broadcast static shape (null when unknown).</summary>
    public static (TensorValue A, TensorValue B, DataType Type, long[]? Shape) Promote(LoweringContext ctx, BoundCall call, object? left, object? right)
    {
        var type = LoweringContext.ResultType([left, right]);
        var a = ctx.Cast(ctx.AsTensor(left, type, call, "self"), type);
        var b = ctx.Cast(ctx.AsTensor(right, type, call, "other"), type);
        var shape = LoweringContext.Broadcast(a.Shape, b.Shape);
        return (a, b, type, shape);
    }

    public static TensorValue Binary(LoweringContext ctx, BoundCall call, string opType, object? left, object? right, Func<double, double, double> fold)
    {
        var (a, b, type, shape) = Promote(ctx, call, left, right);
        // Known one-element operands fold, named or not: a traced size and a CONSTANTS.cN scalar are both fixed.
        if (a.Known is [var x] && b.Known is [var y] && shape is not null)
        {
            double r = fold(x, y);
            if (!LoweringContext.IsFloating(type)) r = Math.Truncate(r);
            return new TensorValue(null, type, shape, [r]);
        }
        return ctx.Emit(opType, [ctx.In(a), ctx.In(b)], type, shape);
    }

    /// <summary>`other * alpha` for add/sub's alpha argument (1 leaves it alone).</summary>
    public static object? Scaled(LoweringContext ctx, BoundCall call, object? other, double alpha)
    {
        if (alpha == 1) return other;
        return other switch
        {
            long l when alpha == Math.Floor(alpha) => (long)(l * alpha),
            long l => l * alpha,
            double d => d * alpha,
            _ => Binary(ctx, call, "Mul", other, alpha == Math.Floor(alpha) && other is TensorValue { DataType: not (DataType.Float32 or DataType.Float64 or DataType.Float16) } ? (object)(long)alpha : alpha, (p, q) => p * q),
        };
    }
}
