using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::sum.dim_IntList(Tensor self, int[1]? dim, bool keepdim=False, *, ScalarType? dtype=None) -&gt; Tensor</c> and
/// <c>aten::sum(Tensor self, *, ScalarType? dtype=None) -&gt; Tensor</c> → ONNX <c>ReduceSum</c> (axes as an input since
/// opset 13). No dim, or an empty list, sums everything. Bool and integer inputs sum as int64, as PyTorch's do.
/// Multi-head attention records it to average the attention weights over heads.
/// </summary>
public static class Sum
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (call.OptionalInt("dtype") is long dtype) x = ctx.Cast(x, ScalarTypes.ToDataType(dtype, call));
        else if (!LoweringContext.IsFloating(x.DataType)) x = ctx.Cast(x, DataType.Int64);
        if (x.Rank < 0) throw call.Unsupported("the input rank must be known.");
        bool keep = call.Has("keepdim") && call.Bool("keepdim");
        var dims = call.Has("dim") && call["dim"] is not null ? call.Ints("dim") : [];
        if (dims.Length == 0) dims = Enumerable.Range(0, x.Rank).Select(i => (long)i).ToArray();
        var axes = dims.Select(d => (long)LoweringContext.Axis(d, x.Rank)).Distinct().Order().ToArray();
        if (axes.Any(a => a < 0 || a >= x.Rank)) throw call.Unsupported($"dim [{string.Join(", ", dims)}] is out of range for a rank-{x.Rank} tensor.");
        long[]? shape = keep ? x.Shape!.Select((d, i) => axes.Contains(i) ? 1 : d).ToArray() : x.Shape!.Where((d, i) => !axes.Contains(i)).ToArray();
        return ctx.Emit("ReduceSum", [ctx.In(x), ctx.In(ctx.Ints(axes))], x.DataType, shape, NodeAttribute.Of("keepdims", keep ? 1L : 0L));
    }
}
