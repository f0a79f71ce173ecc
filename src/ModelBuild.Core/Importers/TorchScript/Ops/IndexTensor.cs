using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::index.Tensor(Tensor self, Tensor?[] indices) -&gt; Tensor</c> (<c>x[idx]</c>, <c>x[:, idx]</c>) with one
/// integer index tensor after any number of full slices (None) → ONNX <c>Gather</c> on that axis (Swin's relative
/// position bias table); a bool mask over the leading dims (<c>x[mask]</c>) → <c>Compress</c>; integer index
/// tensors for the leading dims (<c>x[i, j]</c>) → <c>GatherND</c>. Index tensors after a full slice together, or
/// mixed with masks, are MBLD2015.
/// </summary>
public static class IndexTensor
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (x.Shape is not { } s) throw call.Unsupported("the input rank must be known.");
        var given = IndexArguments.Given(call);
        if (given.Count > 1 && given.All(p => p.Value is TensorValue t && t.DataType is not (DataType.Bool or DataType.UInt8)) && given[0].Dim == 0
            && given.Select(p => p.Dim).SequenceEqual(Enumerable.Range(0, given.Count)))
            return Pointwise(ctx, call, x, s, given.Select(p => (TensorValue)p.Value!).ToList());
        if (given.Count != 1 || given[0].Value is not TensorValue index)
            throw call.Unsupported("one index tensor after full slices, or several integer ones from dim 0 on, are supported.");
        if (index.DataType is DataType.Bool or DataType.UInt8) return Masked(ctx, call, x, s, index, given[0].Dim);
        int axis = given[0].Dim;
        if (axis >= s.Length) throw call.Unsupported($"index on dim {axis} of a rank-{s.Length} tensor.");
        var positions = ctx.Cast(index, DataType.Int64);
        long[]? shape = index.Shape is null ? null : [.. s[..axis], .. index.Shape, .. s[(axis + 1)..]];
        return ctx.Emit("Gather", [ctx.In(x), ctx.In(positions)], x.DataType, shape, NodeAttribute.Of("axis", (long)axis));
    }

    /// <summary>
    /// <c>x[mask]</c> with a bool mask over the leading dims: those dims flattened into one, then ONNX <c>Compress</c>
    /// keeps the rows where the mask is true (row-major, as PyTorch); the count is symbolic.
    /// </summary>
    private static TensorValue Masked(LoweringContext ctx, BoundCall call, TensorValue x, long[] s, TensorValue mask, int axis)
    {
        if (axis != 0 || mask.Shape is not { } m || m.Length == 0 || m.Length > s.Length || m.Where((d, i) => d != s[i]).Any())
            throw call.Unsupported("a bool mask index must cover the leading dims of the tensor, with their sizes.");
        var trailing = s[m.Length..];
        if (trailing.Any(d => d < 0)) throw call.Unsupported("the dims after a bool mask must be static.");
        var rows = ctx.Emit("Reshape", [ctx.In(x), ctx.In(ctx.Ints([-1, .. trailing]))], x.DataType, [-1, .. trailing]);
        var flatMask = ctx.Emit("Reshape", [ctx.In(ctx.Cast(mask, DataType.Bool)), ctx.In(ctx.Ints(-1))], DataType.Bool, [-1]);
        return ctx.Emit("Compress", [ctx.In(rows), ctx.In(flatMask)], x.DataType, [-1, .. trailing], NodeAttribute.Of("axis", 0L));
    }

    /// <summary>
    /// <c>x[i, j]</c>: integer index tensors for the leading dims, broadcast together, pick single entries → the
    /// indices stacked on a new last axis, then ONNX <c>GatherND</c>; the result is the broadcast index shape followed
    /// by the remaining dims.
    /// </summary>
    private static TensorValue Pointwise(LoweringContext ctx, BoundCall call, TensorValue x, long[] s, IReadOnlyList<TensorValue> indices)
    {
        if (indices.Count > s.Length) throw call.Unsupported($"{indices.Count} index tensors for a rank-{s.Length} tensor.");
        long[]? shape = indices[0].Shape;
        foreach (var index in indices.Skip(1)) shape = LoweringContext.Broadcast(shape, index.Shape);
        if (shape is null || shape.Any(d => d < 0)) throw call.Unsupported("several index tensors must have static shapes.");
        var parts = indices.Select(index =>
        {
            var expanded = ctx.Emit("Expand", [ctx.In(ctx.Cast(index, DataType.Int64)), ctx.In(ctx.Ints(shape))], DataType.Int64, shape);
            return ctx.In(ctx.Emit("Unsqueeze", [ctx.In(expanded), ctx.In(ctx.Ints(shape.Length))], DataType.Int64, [.. shape, 1]));
        }).ToList();
        var stacked = ctx.Emit("Concat", parts, DataType.Int64, [.. shape, indices.Count], NodeAttribute.Of("axis", (long)shape.Length));
        return ctx.Emit("GatherND", [ctx.In(x), ctx.In(stacked)], x.DataType, [.. shape, .. s[indices.Count..]]);
    }
}
