using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::mean.dim(Tensor self, int[1]? dim, bool keepdim=False, *, ScalarType? dtype=None) -&gt; Tensor</c> and
/// <c>aten::mean(Tensor self, *, ScalarType? dtype=None) -&gt; Tensor</c> → ONNX <c>ReduceMean</c> (axes attribute, opset 17).
/// </summary>
public static class Mean
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (call.OptionalInt("dtype") is long dtype) x = ctx.Cast(x, ScalarTypes.ToDataType(dtype, call));
        if (x.Rank < 0) throw call.Unsupported("the input rank must be known.");
        bool keep = call.Has("keepdim") && call.Bool("keepdim");
        var dims = call.Has("dim") && call["dim"] is not null ? call.Ints("dim") : [];
        if (dims.Length == 0) dims = Enumerable.Range(0, x.Rank).Select(i => (long)i).ToArray();
        var axes = dims.Select(d => (long)LoweringContext.Axis(d, x.Rank)).Distinct().Order().ToArray();
        long[]? shape = x.Shape is null ? null
            : keep ? x.Shape.Select((d, i) => axes.Contains(i) ? 1 : d).ToArray()
            : x.Shape.Where((d, i) => !axes.Contains(i)).ToArray();
        return ctx.Emit("ReduceMean", [ctx.In(x)], x.DataType, shape, NodeAttribute.Of("axes", axes), NodeAttribute.Of("keepdims", keep ? 1L : 0L));
    }
}
