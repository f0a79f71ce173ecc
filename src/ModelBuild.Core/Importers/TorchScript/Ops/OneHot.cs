using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::one_hot(Tensor self, int num_classes=-1) -&gt; Tensor</c> → ONNX <c>OneHot</c> (int64 off/on values 0, 1,
/// a new last axis). num_classes = -1 means max + 1, which only the values know: MBLD2015 unless they are known.
/// </summary>
public static class OneHot
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = ctx.Cast(call.Tensor("self"), DataType.Int64);
        long classes = call.Int("num_classes");
        if (classes < 0)
            classes = x.Known is { Length: > 0 } k ? (long)k.Max() + 1 : throw call.Unsupported("num_classes=-1 needs the values; give num_classes.");
        long[]? shape = x.Shape is null ? null : [.. x.Shape, classes];
        var values = ctx.EmitConstant([0, 1], DataType.Int64, [2]);
        return ctx.Emit("OneHot", [ctx.In(x), ctx.In(ctx.Scalar(classes, DataType.Int64)), values], DataType.Int64, shape, NodeAttribute.Of("axis", -1L));
    }
}
