using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// The p-norm over some axes, shared by <see cref="Norm"/>, <see cref="FrobeniusNorm"/> and
/// <see cref="LinalgVectorNorm"/>: p = 2 → ONNX <c>ReduceL2</c>, p = 1 → <c>ReduceL1</c>, ±inf → the max/min of
/// |x|, 0 → the count of non-zeros, any other p → (Σ|x|^p)^(1/p).
/// </summary>
internal static class VectorNorms
{
    public static TensorValue Lower(LoweringContext ctx, BoundCall call, TensorValue x, double p, long[] axes, bool keep)
    {
        if (!LoweringContext.IsFloating(x.DataType)) throw call.Unsupported("the input must be floating point.");
        if (x.Rank == 0) return ctx.Unary("Abs", x);
        if (p == 2) return Reductions.Emit(ctx, "ReduceL2", x, axes, keep);
        if (p == 1) return Reductions.Emit(ctx, "ReduceL1", x, axes, keep);
        var abs = ctx.Unary("Abs", x);
        if (double.IsPositiveInfinity(p)) return Reductions.Emit(ctx, "ReduceMax", abs, axes, keep);
        if (double.IsNegativeInfinity(p)) return Reductions.Emit(ctx, "ReduceMin", abs, axes, keep);
        if (p == 0)
        {
            var nonZero = ctx.Cast(ctx.Cast(x, DataType.Bool), x.DataType);
            return Reductions.Sum(ctx, nonZero, axes, keep);
        }
        var powered = ctx.Emit("Pow", [ctx.In(abs), ctx.In(ctx.Scalar(p, x.DataType))], x.DataType, x.Shape);
        var total = Reductions.Sum(ctx, powered, axes, keep);
        return ctx.Emit("Pow", [ctx.In(total), ctx.In(ctx.Scalar(1 / p, x.DataType))], x.DataType, total.Shape);
    }

    /// <summary>A Scalar p argument: a number, or None for 2.</summary>
    public static double P(BoundCall call, string name) => call[name] is null ? 2 : call.Double(name);
}
