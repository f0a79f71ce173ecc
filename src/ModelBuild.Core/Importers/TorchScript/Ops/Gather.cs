using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::gather(Tensor self, int dim, Tensor index, *, bool sparse_grad=False) -&gt; Tensor</c> → ONNX
/// <c>GatherElements</c>. PyTorch lets the index be smaller than self on the other dims (it reads the leading
/// part); ONNX wants them equal, so self is sliced to the index's size there first.
/// </summary>
public static class Gather
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        var index = ctx.Cast(call.Tensor("index"), DataType.Int64);
        if (x.Shape is not { } s || index.Shape is not { } i || i.Length != s.Length) throw call.Unsupported("self and index must have one known rank.");
        if (call["dim"] is string) throw call.Unsupported("named dimensions are not supported.");
        int axis = LoweringContext.Axis(call.Int("dim"), Math.Max(s.Length, 1));
        var smaller = Enumerable.Range(0, s.Length).Where(d => d != axis && i[d] >= 0 && (s[d] < 0 || i[d] < s[d])).Select(d => (long)d).ToArray();
        if (smaller.Length > 0)
        {
            var shape = s.Select((d, k) => smaller.Contains(k) ? i[k] : d).ToArray();
            x = ctx.Emit("Slice", [ctx.In(x), ctx.In(ctx.Ints(new long[smaller.Length])), ctx.In(ctx.Ints(smaller.Select(d => i[d]).ToArray())), ctx.In(ctx.Ints(smaller))], x.DataType, shape);
        }
        return ctx.Emit("GatherElements", [ctx.In(x), ctx.In(index)], x.DataType, i, NodeAttribute.Of("axis", (long)axis));
    }
}
