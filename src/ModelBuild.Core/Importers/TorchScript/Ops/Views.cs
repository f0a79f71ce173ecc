using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// Views and in-place writes into them. A trace records <c>y[:, 0] = 1.0</c> as <c>fill_(select(slice(y, …), 1,
/// 0), 1.0)</c>: each slice and select remembers its parent and <see cref="ViewStep"/>, and a write rebuilds the
/// parent with the new part (ONNX <c>Where</c> with a mask along the step's axis, the value placed with
/// <c>Gather</c> when it is a strided slice), then the parent's parent, up to the root, which then names the
/// written value. Only the axis a step takes must be static; other dims (a symbolic batch) may vary. Views taken
/// of <c>y</c> before the write keep the old values (PyTorch's would see the write); traced models write right
/// after taking the view.
/// </summary>
internal static class Views
{
    /// <summary>Flat positions in the viewed root of the elements of <c>x[..., b : b + count·step : step, ...]</c> on <paramref name="axis"/>.</summary>
    public static long[] SlicePositions(long[]? parent, long[] s, int axis, long b, long count, long step)
    {
        long size = s[axis];
        long inner = s[(axis + 1)..].Aggregate(1L, (p, q) => p * q);
        long outer = s[..axis].Aggregate(1L, (p, q) => p * q);
        var positions = new long[outer * count * inner];
        long k = 0;
        for (long o = 0; o < outer; o++)
            for (long j = 0; j < count; j++)
                for (long i = 0; i < inner; i++)
                {
                    long flat = (o * size + b + j * step) * inner + i;
                    positions[k++] = parent is null ? flat : parent[flat];
                }
        return positions;
    }

    /// <summary>
    /// The result of an op whose schema says it aliases an input (<c>view(Tensor(a) self, …) -&gt; Tensor(a)</c>):
    /// unless the lowering tracked it (slice, select) or returned the input itself, it is marked as an untracked
    /// view of that input's root, so a later in-place write into it fails (MBLD2015) instead of leaving the root
    /// unchanged. A result of another element type is a copy (<c>to</c> that casts), not a view.
    /// </summary>
    public static object? Aliasing(BoundCall call, object? result)
    {
        if (result is not TensorValue r || r.ViewRoot is not null) return result;
        if (!call.Schema.Returns.Any(a => a.Type.Alias is { } alias && !alias.EndsWith('!'))) return result;
        for (int i = 0; i < call.Schema.Arguments.Count; i++)
        {
            var argument = call.Schema.Arguments[i];
            if (argument.Type is not { IsTensor: true, Alias: { } alias } || alias.EndsWith('!')) continue;
            if (call.Values[i] is not TensorValue source || ReferenceEquals(source, r) || source.DataType != r.DataType) return result;
            return new TensorValue(r.Name, r.DataType, r.Shape, r.Known) { ViewRoot = source.ViewRoot ?? source };
        }
        return result;
    }

    /// <summary>
    /// Marks <paramref name="view"/> (a node output) as taken from <paramref name="x"/> by <paramref name="step"/>:
    /// tracked when <paramref name="x"/> is a root or a tracked view, else an untracked view of the same root.
    /// </summary>
    public static TensorValue Of(TensorValue view, TensorValue x, ViewStep step)
    {
        bool tracked = x.ViewRoot is null || x.ViewParent is not null;
        return new TensorValue(view.Name, view.DataType, view.Shape, view.Known)
        {
            ViewRoot = x.ViewRoot ?? x, ViewParent = tracked ? x : null, ViewStep = tracked ? step : null,
        };
    }

    /// <summary>Whether a write into <paramref name="x"/> can reach its root (a root, or a chain of tracked views).</summary>
    public static bool IsWritable(TensorValue x) => x.ViewRoot is null || x.ViewParent is not null;

    /// <summary>
    /// Writes <paramref name="value"/> (broadcast to the target's shape, cast to its type) into <paramref name="target"/>,
    /// a tensor or a tracked view of one: the root takes the new value. Returns the target, which now holds the value.
    /// </summary>
    public static TensorValue Write(LoweringContext ctx, BoundCall call, TensorValue target, TensorValue value)
    {
        value = ctx.Cast(value, target.DataType);
        if (target.ViewRoot is null)
        {
            var filled = value;
            if (!(target.IsStatic && value.Shape is { } own && own.SequenceEqual(target.Shape!)))
            {
                if (target.Shape is null) throw call.Unsupported("in-place writes need the target's rank.");
                var shape = target.IsStatic ? ctx.Ints(target.Shape) : ctx.Emit("Shape", [ctx.In(target)], DataType.Int64, [target.Rank]);
                filled = ctx.Emit("Expand", [ctx.In(value), ctx.In(shape)], target.DataType, target.Shape);
            }
            target.Name = ctx.In(filled);
            target.Known = null;
            return target;
        }
        if (target.ViewParent is not { } parent || target.ViewStep is not { } step)
            throw call.Unsupported("in-place writes are supported into tensors and their slices and selects (not into views made by view, reshape, transpose, …).");
        var rebuilt = Embed(ctx, call, Current(ctx, parent), step, value);
        Write(ctx, call, parent, rebuilt);
        // The target now reads the written part (a node only used if the code reads the result of the write).
        target.Name = ctx.In(Apply(ctx, rebuilt, step));
        target.Known = null;
        return target;
    }

    /// <summary>The current value of a tracked view: its steps applied again to the root as it is now.</summary>
    private static TensorValue Current(LoweringContext ctx, TensorValue x) =>
        x.ViewParent is { } parent && x.ViewStep is { } step ? Apply(ctx, Current(ctx, parent), step) : x;

    private static TensorValue Apply(LoweringContext ctx, TensorValue x, ViewStep step)
    {
        var s = x.Shape!;
        if (step.Drops)
            return ctx.Emit("Gather", [ctx.In(x), ctx.In(ctx.Scalar(step.Start, DataType.Int64))], x.DataType, [.. s[..step.Axis], .. s[(step.Axis + 1)..]],
                NodeAttribute.Of("axis", (long)step.Axis));
        var shape = (long[])s.Clone();
        shape[step.Axis] = step.Count;
        long end = step.Count == 0 ? step.Start : step.Start + (step.Count - 1) * step.Step + 1;
        return ctx.Emit("Slice", [ctx.In(x), ctx.In(ctx.Ints(step.Start)), ctx.In(ctx.Ints(end)), ctx.In(ctx.Ints(step.Axis)), ctx.In(ctx.Ints(step.Step))], x.DataType, shape);
    }

    /// <summary><paramref name="parent"/> with the part <paramref name="step"/> views replaced by <paramref name="value"/>.</summary>
    private static TensorValue Embed(LoweringContext ctx, BoundCall call, TensorValue parent, ViewStep step, TensorValue value)
    {
        var s = parent.Shape!;
        int axis = step.Axis;
        long size = s[axis];
        int viewRank = step.Drops ? s.Length - 1 : s.Length;
        if (value.Shape is not { } v || v.Length > viewRank) throw call.Unsupported($"the value {value} does not broadcast to the written view.");
        if (v.Length < viewRank)
        {
            var leading = Enumerable.Range(0, viewRank - v.Length).Select(i => (long)i).ToArray();
            v = [.. leading.Select(_ => 1L), .. v];
            value = ctx.Emit("Unsqueeze", [ctx.In(value), ctx.In(ctx.Ints(leading))], value.DataType, v);
        }
        var selected = new bool[size];
        for (long j = 0; j < step.Count; j++) selected[step.Start + j * step.Step] = true;
        if (step.Drops)
        {
            v = [.. v[..axis], 1, .. v[axis..]];
            value = ctx.Emit("Unsqueeze", [ctx.In(value), ctx.In(ctx.Ints(axis))], value.DataType, v);
        }
        else if (v[axis] != 1)
        {
            // Entry j of the parent's axis takes entry (j - start) / step of the value; unselected entries are masked out.
            var source = Enumerable.Range(0, (int)size).Select(j => selected[j] ? (double)((j - step.Start) / step.Step) : 0).ToArray();
            var index = new TensorValue(ctx.EmitConstant(source, DataType.Int64, [size]), DataType.Int64, [size]);
            v = (long[])v.Clone();
            v[axis] = size;
            value = ctx.Emit("Gather", [ctx.In(value), ctx.In(index)], value.DataType, v, NodeAttribute.Of("axis", (long)axis));
        }
        long[] maskShape = s.Select((_, i) => i == axis ? size : 1L).ToArray();
        var mask = ctx.EmitConstant(selected.Select(b => b ? 1.0 : 0).ToArray(), DataType.Bool, maskShape);
        return ctx.Emit("Where", [mask, ctx.In(value), ctx.In(parent)], parent.DataType, s);
    }
}
