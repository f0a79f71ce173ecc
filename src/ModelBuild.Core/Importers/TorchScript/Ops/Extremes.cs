using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// Shared by <see cref="Max"/> and <see cref="Min"/>, whose overloads mean three things: the extreme of all elements
/// (ReduceMax), per-dim values and their indices (ReduceMax + ArgMax, a tuple), and the elementwise extreme of two
/// tensors (Max, on the promoted type).
/// </summary>
internal static class Extremes
{
    public static object? Lower(LoweringContext ctx, BoundCall call, string reduce, string arg, string elementwise)
    {
        if (call.Has("other")) return Elementwise(ctx, call, elementwise);
        var x = call.Tensor("self");
        if (x.Rank < 0) throw call.Unsupported("the input rank must be known.");
        if (!call.Has("dim")) return Reductions.Emit(ctx, reduce, x, Reductions.Axes(call, x), keep: false);
        if (call["dim"] is string) throw call.Unsupported("named dimensions are not supported.");
        bool keep = Reductions.KeepDim(call);
        var axes = Reductions.Axes(call, x);
        if (x.Rank == 0) return new TupleValue([x, new TensorValue(null, DataType.Int64, [], [0])]);
        var values = Reductions.Emit(ctx, reduce, x, axes, keep);
        var indices = ctx.Emit(arg, [ctx.In(x)], DataType.Int64, values.Shape, NodeAttribute.Of("axis", axes[0]), NodeAttribute.Of("keepdims", keep ? 1L : 0L));
        return new TupleValue([values, indices]);
    }

    public static TensorValue Elementwise(LoweringContext ctx, BoundCall call, string opType)
    {
        var (a, b, type, shape) = Ops.Elementwise.Promote(ctx, call, call["self"], call["other"]);
        return ctx.Emit(opType, [ctx.In(a), ctx.In(b)], type, shape);
    }
}
