using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::embedding(Tensor weight, Tensor indices, int padding_idx=-1, bool scale_grad_by_freq=False,
/// bool sparse=False) -&gt; Tensor</c> → ONNX <c>Gather(axis=0)</c> of the table's rows (padding_idx only matters for
/// gradients).
/// </summary>
public static class Embedding
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var weight = call.Tensor("weight");
        var indices = ctx.Cast(call.Tensor("indices"), DataType.Int64);
        if (weight.Rank != 2) throw call.Unsupported("the weight must be a 2-D table.");
        long[]? shape = indices.Shape is null ? null : [.. indices.Shape, weight.Shape![1]];
        return ctx.Emit("Gather", [ctx.In(weight), ctx.In(indices)], weight.DataType, shape, NodeAttribute.Of("axis", 0L));
    }
}
