using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// Views of static tensors and in-place writes into them. A trace records <c>y[:, 0] = 1.0</c> as
/// <c>fill_(select(slice(y, …), 1, 0), 1.0)</c>: the slice and select know, per element, the flat position they
/// view in <c>y</c> (<see cref="TensorValue.ViewPositions"/>), and the write becomes one <c>ScatterElements</c> into
/// <c>y</c>'s flattened value, after which <c>y</c> names the new value. Views taken of <c>y</c> before the write
/// keep the old values (PyTorch's would see the write); traced models write right after taking the view.
/// </summary>
internal static class Views
{
    /// <summary>Flat positions in the viewed root of the elements of <c>x[..., b : b + count·step : step, ...]</c> on <paramref name="axis"/>.</summary>
    public static long[] SlicePositions(TensorValue x, long[] s, int axis, long b, long count, long step) =>
        SlicePositions(x.ViewPositions, s, axis, b, count, step);

    /// <summary>The same, mapped through <paramref name="parent"/> (the sliced tensor's own positions; null for a root).</summary>
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
    /// Marks <paramref name="view"/> (a node output) as a view of <paramref name="x"/>'s root, with its positions when
    /// both are static and <paramref name="x"/> is the root or a tracked view of it, so writes into it reach the root.
    /// </summary>
    public static TensorValue Of(TensorValue view, TensorValue x, Func<long[]> positions)
    {
        bool tracked = x.IsStatic && view.IsStatic && (x.ViewRoot is null || x.HasViewPositions);
        return new TensorValue(view.Name, view.DataType, view.Shape, view.Known) { ViewRoot = x.ViewRoot ?? x, ViewPositionsOnDemand = tracked ? positions : null };
    }

    /// <summary>
    /// Writes <paramref name="value"/> (broadcast to the target's shape, cast to its type) into <paramref name="target"/>,
    /// a run-time tensor or a view of one: the root takes the new value. Returns the target, which now holds the value.
    /// </summary>
    public static TensorValue Write(LoweringContext ctx, BoundCall call, TensorValue target, TensorValue value)
    {
        value = ctx.Cast(value, target.DataType);
        var root = target.ViewRoot;
        if (root is null)
        {
            var filled = value;
            if (!(target.IsStatic && value.Shape is { } own && own.SequenceEqual(target.Shape!)))
            {
                var shape = target.IsStatic ? ctx.Ints(target.Shape!) : ctx.Emit("Shape", [ctx.In(target)], DataType.Int64, [target.Rank]);
                filled = ctx.Emit("Expand", [ctx.In(value), ctx.In(shape)], target.DataType, target.Shape);
            }
            target.Name = ctx.In(filled);
            target.Known = null;
            return target;
        }
        if (!target.HasViewPositions || target.ViewPositions is not { } positions || !root.IsStatic || !target.IsStatic)
            throw call.Unsupported("in-place writes are supported into tensors and into slices and selects of tensors of static shape (not into views made by view, reshape, transpose, … or of dynamic shape).");
        ctx.In(root); // a root known at conversion time becomes a constant the write can update
        var updates = ctx.Emit("Expand", [ctx.In(value), ctx.In(ctx.Ints(target.Shape!))], target.DataType, target.Shape);
        var flatUpdates = ctx.Emit("Reshape", [ctx.In(updates), ctx.In(ctx.Ints(-1))], target.DataType, [positions.LongLength]);
        long count = root.Shape!.Aggregate(1L, (p, q) => p * q);
        var flatRoot = ctx.Emit("Reshape", [ctx.In(root), ctx.In(ctx.Ints(-1))], root.DataType, [count]);
        var scattered = ctx.Emit("ScatterElements", [ctx.In(flatRoot), ctx.In(ctx.Ints(positions)), ctx.In(flatUpdates)], root.DataType, [count],
            NodeAttribute.Of("axis", 0L));
        var written = ctx.Emit("Reshape", [ctx.In(scattered), ctx.In(ctx.Ints(root.Shape!))], root.DataType, root.Shape);
        root.Name = written.Name;
        root.Known = null;
        target.Name = updates.Name;
        target.Known = null;
        return target;
    }
}
