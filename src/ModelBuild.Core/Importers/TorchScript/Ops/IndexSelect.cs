using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::index_select(Tensor self, int dim, Tensor index) -&gt; Tensor</c> → ONNX <c>Gather</c> on the dim with the
/// 1-D (or 0-dim) index as int64.
/// </summary>
public static class IndexSelect
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (x.Shape is not { } s) throw call.Unsupported("the input rank must be known.");
        if (call["dim"] is string) throw call.Unsupported("named dimensions are not supported.");
        int axis = LoweringContext.Axis(call.Int("dim"), Math.Max(s.Length, 1));
        var index = ctx.Cast(call.Tensor("index"), DataType.Int64);
        if (index.Rank > 1) throw call.Unsupported("index must be 1-D.");
        // index_select keeps the dim even for a 0-dim index; Gather would drop it.
        if (index.Rank == 0) index = ctx.Emit("Reshape", [ctx.In(index), ctx.In(ctx.Ints(1))], DataType.Int64, [1]);
        if (s.Length == 0) return ctx.Emit("Reshape", [ctx.In(x), ctx.In(ctx.Ints())], x.DataType, []);
        var shape = (long[])s.Clone();
        shape[axis] = index.Shape![0];
        return ctx.Emit("Gather", [ctx.In(x), ctx.In(index)], x.DataType, shape, NodeAttribute.Of("axis", (long)axis));
    }
}
