using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::slice.Tensor(Tensor(a) self, int dim=0, SymInt? start=None, SymInt? end=None, SymInt step=1) -&gt; Tensor(a)</c>
/// → ONNX <c>Slice</c> (ends past the size, as traces write 9223372036854775807, are clamped by ONNX); the whole
/// range with step 1 is the input itself. Bounds must be known at conversion time. Slices on a static dim are
/// views (see <see cref="Views"/>): in-place writes into them reach the sliced tensor.
/// </summary>
public static class Slice
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (x.Shape is not { } s) throw call.Unsupported("the input rank must be known.");
        int axis = LoweringContext.Axis(call.Int("dim"), s.Length);
        if (axis < 0 || axis >= s.Length) throw call.Unsupported($"dim {call.Int("dim")} is out of range for a rank-{s.Length} tensor.");
        long start = call.OptionalInt("start") ?? 0, end = call.OptionalInt("end") ?? long.MaxValue, step = call.Int("step");
        if (step <= 0) throw call.Unsupported($"step must be positive, not {step}.");
        long size = s[axis];
        if (start == 0 && step == 1 && (end == long.MaxValue || (size >= 0 && end >= size))) return x;
        if (x.Name is null && x.Known is { } known && x.IsStatic && known.LongLength == s.Aggregate(1L, (a, b) => a * b))
            return KnownView(x, s, axis, start, end, step);
        var shape = (long[])s.Clone();
        if (size >= 0)
        {
            long b = Math.Clamp(start < 0 ? start + size : start, 0, size), e = Math.Clamp(end < 0 ? end + size : end, 0, size);
            shape[axis] = e > b ? (e - b + step - 1) / step : 0;
        }
        else shape[axis] = -1;
        var sliced = ctx.Emit("Slice", [ctx.In(x), ctx.In(ctx.Ints(start)), ctx.In(ctx.Ints(end)), ctx.In(ctx.Ints(axis)), ctx.In(ctx.Ints(step))], x.DataType, shape);
        if (size < 0) return sliced;
        long first = Math.Clamp(start < 0 ? start + size : start, 0, size);
        return Views.Of(sliced, x, new ViewStep(axis, first, step, shape[axis], Drops: false));
    }

    /// <summary>A slice of a tensor known at conversion time: its values, and where they sit in the viewed tensor.</summary>
    private static TensorValue KnownView(TensorValue x, long[] s, int axis, long start, long end, long step)
    {
        long size = s[axis];
        long b = Math.Clamp(start < 0 ? start + size : start, 0, size), e = Math.Clamp(end < 0 ? end + size : end, 0, size);
        var shape = (long[])s.Clone();
        shape[axis] = e > b ? (e - b + step - 1) / step : 0;
        var local = Views.SlicePositions(null, s, axis, b, shape[axis], step);
        var values = local.Select(p => x.Known![p]).ToArray();
        var viewStep = new ViewStep(axis, b, step, shape[axis], Drops: false);
        if (x.ViewRoot is null) return new TensorValue(null, x.DataType, shape, values) { ViewRoot = x, ViewPositions = local, ViewParent = x, ViewStep = viewStep };
        // A slice of an untracked view (new_zeros(…).view(…)[a:b]) reads its values but cannot be written into.
        if (!x.HasViewPositions || x.ViewParent is null) return new TensorValue(null, x.DataType, shape, values) { ViewRoot = x.ViewRoot };
        // Read through the root: a fill_ into it since x was taken shows here as in PyTorch.
        var parent = x.ViewPositions!;
        var positions = local.Select(p => parent[p]).ToArray();
        var root = x.ViewRoot;
        if (root.Known is { } rootValues) values = positions.Select(p => rootValues[p]).ToArray();
        return new TensorValue(null, x.DataType, shape, values) { ViewRoot = root, ViewPositions = positions, ViewParent = x, ViewStep = viewStep };
    }
}
