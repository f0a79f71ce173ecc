using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// Shared by the reduction lowerings: PyTorch's dim argument (one int, a list, None or empty meaning every dim) as
/// sorted ONNX axes, the result's static shape, and the opset-17 reduce nodes (axes an attribute, except
/// <c>ReduceSum</c>, which takes them as an input since opset 13).
/// </summary>
internal static class Reductions
{
    /// <summary>The axes of <paramref name="argument"/>, or all of them when it is None, absent or empty.</summary>
    public static long[] Axes(BoundCall call, TensorValue x, string argument = "dim")
    {
        if (x.Rank < 0) throw call.Unsupported("the input rank must be known.");
        var dims = call.Has(argument) && call[argument] is not null ? call.Ints(argument) : [];
        if (dims.Length == 0) return Enumerable.Range(0, x.Rank).Select(i => (long)i).ToArray();
        var axes = dims.Select(d => (long)LoweringContext.Axis(d, Math.Max(x.Rank, 1))).Distinct().Order().ToArray();
        if (axes.Any(a => a < 0 || a >= Math.Max(x.Rank, 1))) throw call.Unsupported($"dim [{string.Join(", ", dims)}] is out of range for a rank-{x.Rank} tensor.");
        return x.Rank == 0 ? [] : axes;
    }

    public static bool KeepDim(BoundCall call) => call.Has("keepdim") && call.Bool("keepdim");

    public static long[]? Shape(long[]? s, long[] axes, bool keep) => s is null ? null
        : keep ? s.Select((d, i) => axes.Contains(i) ? 1 : d).ToArray()
        : s.Where((d, i) => !axes.Contains(i)).ToArray();

    /// <summary>The number of elements reduced, when every reduced dim is static.</summary>
    public static long? Count(long[]? s, long[] axes) =>
        s is null || axes.Any(a => s[a] < 0) ? null : axes.Aggregate(1L, (n, a) => n * s[a]);

    /// <summary>A reduce node with the axes attribute (ReduceMax, ReduceMin, ReduceProd, ReduceL1, ReduceL2, ReduceLogSumExp, ReduceMean).</summary>
    public static TensorValue Emit(LoweringContext ctx, string opType, TensorValue x, long[] axes, bool keep, DataType? type = null)
    {
        if (x.Rank == 0) return x;
        return ctx.Emit(opType, [ctx.In(x)], type ?? x.DataType, Shape(x.Shape, axes, keep), NodeAttribute.Of("axes", axes), NodeAttribute.Of("keepdims", keep ? 1L : 0L));
    }

    public static TensorValue Sum(LoweringContext ctx, TensorValue x, long[] axes, bool keep)
    {
        if (x.Rank == 0) return x;
        return ctx.Emit("ReduceSum", [ctx.In(x), ctx.In(ctx.Ints(axes))], x.DataType, Shape(x.Shape, axes, keep), NodeAttribute.Of("keepdims", keep ? 1L : 0L));
    }

    /// <summary>The element type sum and prod accumulate in: <c>dtype</c> when given, int64 for bool and integer inputs, else the input's.</summary>
    public static TensorValue Accumulating(LoweringContext ctx, BoundCall call, TensorValue x)
    {
        if (call.Has("dtype") && call.OptionalInt("dtype") is long dtype) return ctx.Cast(x, ScalarTypes.ToDataType(dtype, call));
        return LoweringContext.IsFloating(x.DataType) ? x : ctx.Cast(x, DataType.Int64);
    }

    /// <summary>
    /// <c>argmax</c>/<c>argmin</c> (<paramref name="opType"/> <c>ArgMax</c> or <c>ArgMin</c>, int64, first index of the
    /// extreme value) over <c>dim</c>; without a dim the input is flattened first, as PyTorch does.
    /// </summary>
    public static object? ArgExtreme(LoweringContext ctx, BoundCall call, string opType)
    {
        var x = call.Tensor("self");
        if (x.Shape is not { } s) throw call.Unsupported("the input rank must be known.");
        bool keep = KeepDim(call);
        if (call.OptionalInt("dim") is long dim)
        {
            int axis = LoweringContext.Axis(dim, s.Length);
            if (axis < 0 || axis >= Math.Max(s.Length, 1)) throw call.Unsupported($"dim {dim} is out of range for a rank-{s.Length} tensor.");
            if (s.Length == 0) return new TensorValue(null, DataType.Int64, [], [0]);
            return ctx.Emit(opType, [ctx.In(x)], DataType.Int64, Shape(s, [axis], keep), NodeAttribute.Of("axis", (long)axis), NodeAttribute.Of("keepdims", keep ? 1L : 0L));
        }
        long count = s.Any(d => d < 0) ? -1 : s.Aggregate(1L, (p, q) => p * q);
        var flat = ctx.Emit("Reshape", [ctx.In(x), ctx.In(ctx.Ints(-1))], x.DataType, [count]);
        var index = ctx.Emit(opType, [ctx.In(flat)], DataType.Int64, [], NodeAttribute.Of("axis", 0L), NodeAttribute.Of("keepdims", 0L));
        if (!keep) return index;
        var ones = Enumerable.Repeat(1L, s.Length).ToArray();
        return ctx.Emit("Reshape", [ctx.In(index), ctx.In(ctx.Ints(ones))], DataType.Int64, ones);
    }
}
