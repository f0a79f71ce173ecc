using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// Shared by <see cref="Scatter"/> and <see cref="ScatterAdd"/>: ONNX <c>ScatterElements</c> along the dim. ONNX
/// wants updates of the index's shape; PyTorch reads the leading part of a larger src (sliced here) or broadcasts
/// a scalar value (expanded here).
/// </summary>
internal static class Scattering
{
    public static TensorValue Lower(LoweringContext ctx, BoundCall call, string reduction)
    {
        var x = call.Tensor("self");
        var index = ctx.Cast(call.Tensor("index"), DataType.Int64);
        if (call["dim"] is string) throw call.Unsupported("named dimensions are not supported.");
        if (x.Shape is not { } s || index.Shape is not { } i || i.Length != s.Length || !index.IsStatic)
            throw call.Unsupported("self and index must have one rank, and the index a static shape.");
        int axis = LoweringContext.Axis(call.Int("dim"), Math.Max(s.Length, 1));
        TensorValue updates;
        if (call.Has("src"))
        {
            updates = ctx.Cast(call.Tensor("src"), x.DataType);
            if (updates.Shape is not { } u || u.Length != i.Length || u.Any(d => d < 0)) throw call.Unsupported("src must have the index's rank and a static shape.");
            if (!u.SequenceEqual(i))
                updates = ctx.Emit("Slice", [ctx.In(updates), ctx.In(ctx.Ints(new long[i.Length])), ctx.In(ctx.Ints(i)), ctx.In(ctx.Ints(Enumerable.Range(0, i.Length).Select(d => (long)d).ToArray()))], x.DataType, i);
        }
        else
        {
            var value = ctx.Cast(ctx.AsTensor(call["value"], x.DataType, call, "value"), x.DataType);
            updates = ctx.Emit("Expand", [ctx.In(value), ctx.In(ctx.Ints(i))], x.DataType, i);
        }
        return ctx.Emit("ScatterElements", [ctx.In(x), ctx.In(index), ctx.In(updates)], x.DataType, s,
            NodeAttribute.Of("axis", (long)axis), NodeAttribute.Of("reduction", reduction));
    }
}
