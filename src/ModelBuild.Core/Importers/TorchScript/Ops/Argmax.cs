using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::argmax(Tensor self, int? dim=None, bool keepdim=False) -&gt; Tensor</c> → ONNX <c>ArgMax</c> (int64, first
/// index of the largest value). Without a dim the input is flattened first, as PyTorch does.
/// </summary>
public static class Argmax
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (x.Shape is not { } s) throw call.Unsupported("the input rank must be known.");
        bool keep = Reductions.KeepDim(call);
        if (call.OptionalInt("dim") is long dim)
        {
            int axis = LoweringContext.Axis(dim, s.Length);
            if (axis < 0 || axis >= Math.Max(s.Length, 1)) throw call.Unsupported($"dim {dim} is out of range for a rank-{s.Length} tensor.");
            if (s.Length == 0) return new TensorValue(null, DataType.Int64, [], [0]);
            return ctx.Emit("ArgMax", [ctx.In(x)], DataType.Int64, Reductions.Shape(s, [axis], keep), NodeAttribute.Of("axis", (long)axis), NodeAttribute.Of("keepdims", keep ? 1L : 0L));
        }
        long count = s.Any(d => d < 0) ? -1 : s.Aggregate(1L, (p, q) => p * q);
        var flat = ctx.Emit("Reshape", [ctx.In(x), ctx.In(ctx.Ints(-1))], x.DataType, [count]);
        var index = ctx.Emit("ArgMax", [ctx.In(flat)], DataType.Int64, [], NodeAttribute.Of("axis", 0L), NodeAttribute.Of("keepdims", 0L));
        if (!keep) return index;
        var ones = Enumerable.Repeat(1L, s.Length).ToArray();
        return ctx.Emit("Reshape", [ctx.In(index), ctx.In(ctx.Ints(ones))], DataType.Int64, ones);
    }
}
