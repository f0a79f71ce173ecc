using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::slice.Tensor(Tensor(a) self, int dim=0, SymInt? start=None, SymInt? end=None, SymInt step=1) -&gt; Tensor(a)</c>
/// → ONNX <c>Slice</c> (ends past the size, as traces write 9223372036854775807, are clamped by ONNX); the whole
/// range with step 1 is the input itself. Bounds must be known at conversion time.
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
        return ctx.Emit("Slice", [ctx.In(x), ctx.In(ctx.Ints(start)), ctx.In(ctx.Ints(end)), ctx.In(ctx.Ints(axis)), ctx.In(ctx.Ints(step))], x.DataType, shape);
    }

    /// <summary>A slice of a tensor known at conversion time: its values, and where they sit in the viewed tensor.</summary>
    private static TensorValue KnownView(TensorValue x, long[] s, int axis, long start, long end, long step)
    {
        long size = s[axis];
        long b = Math.Clamp(start < 0 ? start + size : start, 0, size), e = Math.Clamp(end < 0 ? end + size : end, 0, size);
        var shape = (long[])s.Clone();
        shape[axis] = e > b ? (e - b + step - 1) / step : 0;
        long inner = s[(axis + 1)..].Aggregate(1L, (p, q) => p * q);
        long outer = s[..axis].Aggregate(1L, (p, q) => p * q);
        var positions = new List<long>();
        for (long o = 0; o < outer; o++)
            for (long j = 0; j < shape[axis]; j++)
                for (long i = 0; i < inner; i++)
                {
                    long flat = (o * size + b + j * step) * inner + i;
                    positions.Add(x.ViewPositions is { } parent ? parent[flat] : flat);
                }
        var root = x.ViewRoot ?? x;
        return new TensorValue(null, x.DataType, shape, positions.Select(p => root.Known![p]).ToArray())
        {
            ViewRoot = root, ViewPositions = [.. positions],
        };
    }
}
