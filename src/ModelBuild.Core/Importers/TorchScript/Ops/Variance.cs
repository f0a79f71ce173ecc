using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// Shared by <see cref="Var"/> and <see cref="Std"/>: Σ(x − mean)² / (n − correction) over the reduced dims, with
/// PyTorch's three ways to say the correction (<c>unbiased=True</c> → 1, <c>False</c> → 0, <c>correction=k</c>,
/// None meaning 1). n must be static.
/// </summary>
internal static class Variance
{
    public static TensorValue Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (!LoweringContext.IsFloating(x.DataType)) throw call.Unsupported("the input must be floating point.");
        var axes = Reductions.Axes(call, x);
        bool keep = Reductions.KeepDim(call);
        long correction = call.Has("correction") ? call.OptionalInt("correction") ?? 1
            : call.Has("unbiased") ? (call.Bool("unbiased") ? 1 : 0) : 1;
        if (Reductions.Count(x.Shape, axes) is not long n) throw call.Unsupported("the reduced dims must be static.");
        var mean = ctx.Emit("ReduceMean", [ctx.In(x)], x.DataType, Reductions.Shape(x.Shape, axes, true), NodeAttribute.Of("axes", axes), NodeAttribute.Of("keepdims", 1L));
        var centered = ctx.Emit("Sub", [ctx.In(x), ctx.In(mean)], x.DataType, x.Shape);
        var squared = ctx.Emit("Mul", [ctx.In(centered), ctx.In(centered)], x.DataType, x.Shape);
        var total = Reductions.Sum(ctx, squared, axes, keep);
        // n - correction <= 0 gives inf or nan in PyTorch; dividing by it here does the same.
        return ctx.Emit("Div", [ctx.In(total), ctx.In(ctx.Scalar(n - correction, x.DataType))], x.DataType, total.Shape);
    }
}
