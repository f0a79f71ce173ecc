using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::index_put_(Tensor(a!) self, Tensor?[] indices, Tensor values, bool accumulate=False)</c> (and
/// <c>index_put</c>), what a trace records for <c>y[idx] = v</c> and <c>y[mask] = v</c>, with one index tensor:
/// <list type="bullet">
/// <item>a bool mask over the leading dims with a one-element value → ONNX <c>Where(mask, v, y)</c> (accumulate:
/// y + Where(mask, v, 0));</item>
/// <item>integer indices on one dim (after full slices) → <c>ScatterElements</c> on that dim, the values broadcast
/// to the indexed shape (accumulate: reduction add).</item>
/// </list>
/// The new value is written into self (and through it into the tensor it views, see <see cref="Views.Write"/>).
/// Masks with a value per selected element (their count is only known at run time) and several index tensors are
/// MBLD2015.
/// </summary>
public static class IndexPut
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (x.Shape is not { } s) throw call.Unsupported("the input rank must be known.");
        var given = IndexArguments.Given(call);
        if (given.Count != 1 || given[0].Value is not TensorValue index)
            throw call.Unsupported("only one index tensor (after full slices) is supported.");
        var values = ctx.Cast(call.Tensor("values"), x.DataType);
        bool accumulate = call.Bool("accumulate");
        var updated = index.DataType is DataType.Bool or DataType.UInt8
            ? Masked(ctx, call, x, s, ctx.Cast(index, DataType.Bool), given[0].Dim, values, accumulate)
            : Indexed(ctx, call, x, s, ctx.Cast(index, DataType.Int64), given[0].Dim, values, accumulate);
        if (call.Schema.Name == "index_put") return updated;
        return Views.Write(ctx, call, x, updated);
    }

    private static TensorValue Masked(LoweringContext ctx, BoundCall call, TensorValue x, long[] s, TensorValue mask, int axis, TensorValue values, bool accumulate)
    {
        if (axis != 0 || mask.Shape is not { } m || m.Length > s.Length || m.Where((d, i) => d != s[i]).Any())
            throw call.Unsupported("a bool mask must cover the leading dims of self, with their sizes.");
        if (values.Shape is not { } v || v.Any(d => d != 1))
            throw call.Unsupported("with a bool mask, the value must have one element (one value per selected element has a count known only at run time).");
        var value = v.Length == 0 ? values : ctx.Emit("Reshape", [ctx.In(values), ctx.In(ctx.Ints())], x.DataType, []);
        if (m.Length < s.Length)
        {
            var trailing = Enumerable.Range(m.Length, s.Length - m.Length).Select(i => (long)i).ToArray();
            mask = ctx.Emit("Unsqueeze", [ctx.In(mask), ctx.In(ctx.Ints(trailing))], DataType.Bool, [.. m, .. trailing.Select(_ => 1L)]);
        }
        if (!accumulate) return ctx.Emit("Where", [ctx.In(mask), ctx.In(value), ctx.In(x)], x.DataType, s);
        var added = ctx.Emit("Where", [ctx.In(mask), ctx.In(value), ctx.In(ctx.Scalar(0, x.DataType))], x.DataType, mask.Shape);
        return ctx.Emit("Add", [ctx.In(x), ctx.In(added)], x.DataType, s);
    }

    private static TensorValue Indexed(LoweringContext ctx, BoundCall call, TensorValue x, long[] s, TensorValue index, int axis, TensorValue values, bool accumulate)
    {
        if (axis >= s.Length) throw call.Unsupported($"index on dim {axis} of a rank-{s.Length} tensor.");
        if (!x.IsStatic || !index.IsStatic) throw call.Unsupported("self and the index must have static shapes.");
        long count = index.Shape!.Aggregate(1L, (p, q) => p * q);
        long[] indexed = [.. s[..axis], .. index.Shape!, .. s[(axis + 1)..]];
        long[] flat = [.. s[..axis], count, .. s[(axis + 1)..]];
        long[] column = flat.Select((_, i) => i == axis ? count : 1L).ToArray();
        var positions = ctx.Emit("Reshape", [ctx.In(index), ctx.In(ctx.Ints(column))], DataType.Int64, column);
        positions = ctx.Emit("Expand", [ctx.In(positions), ctx.In(ctx.Ints(flat))], DataType.Int64, flat);
        var updates = ctx.Emit("Expand", [ctx.In(values), ctx.In(ctx.Ints(indexed))], x.DataType, indexed);
        updates = ctx.Emit("Reshape", [ctx.In(updates), ctx.In(ctx.Ints(flat))], x.DataType, flat);
        return ctx.Emit("ScatterElements", [ctx.In(x), ctx.In(positions), ctx.In(updates)], x.DataType, s,
            NodeAttribute.Of("axis", (long)axis), NodeAttribute.Of("reduction", accumulate ? "add" : "none"));
    }
}
