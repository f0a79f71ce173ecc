using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::topk(Tensor self, int k, int dim=-1, bool largest=True, bool sorted=True) -&gt; (Tensor values, Tensor
/// indices)</c> → ONNX <c>TopK</c> with K as a 1-element input. Ties may come in another order than PyTorch's, as
/// PyTorch leaves it unspecified.
/// </summary>
public static class Topk
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        return Emit(ctx, call, x, call.Int("k"), call.Int("dim"), call.Bool("largest"), call.Bool("sorted"));
    }

    internal static TupleValue Emit(LoweringContext ctx, BoundCall call, TensorValue x, long k, long dim, bool largest, bool sorted)
    {
        if (x.Shape is not { } s) throw call.Unsupported("the input rank must be known.");
        if (s.Length == 0) throw call.Unsupported("the input must have at least one dim.");
        int axis = LoweringContext.Axis(dim, s.Length);
        if (axis < 0 || axis >= s.Length) throw call.Unsupported($"dim {dim} is out of range for a rank-{s.Length} tensor.");
        if (k < 0 || (s[axis] >= 0 && k > s[axis])) throw call.Unsupported($"k {k} is out of range for dim {axis} of size {s[axis]}.");
        var shape = (long[])s.Clone();
        shape[axis] = k;
        var names = ctx.EmitMany("TopK", [ctx.In(x), ctx.In(ctx.Ints(k))], 2, NodeAttribute.Of("axis", (long)axis),
            NodeAttribute.Of("largest", largest ? 1L : 0L), NodeAttribute.Of("sorted", sorted ? 1L : 0L));
        return new TupleValue([new TensorValue(names[0], x.DataType, shape), new TensorValue(names[1], DataType.Int64, shape)]);
    }
}
