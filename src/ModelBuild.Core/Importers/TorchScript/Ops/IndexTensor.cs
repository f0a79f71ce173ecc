using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::index.Tensor(Tensor self, Tensor?[] indices) -&gt; Tensor</c> (<c>x[idx]</c>, <c>x[:, idx]</c>) with one
/// integer index tensor after any number of full slices (None) → ONNX <c>Gather</c> on that axis (Swin's relative
/// position bias table). Several index tensors (advanced indexing that broadcasts them) and bool masks are MBLD2015.
/// </summary>
public static class IndexTensor
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (x.Shape is not { } s) throw call.Unsupported("the input rank must be known.");
        var indices = call["indices"] switch
        {
            List<object?> l => l,
            TupleValue t => t.Items.ToList(),
            _ => throw call.Unsupported("indices must be a list."),
        };
        var given = indices.Select((v, i) => (v, i)).Where(p => p.v is not null).ToList();
        if (given.Count != 1 || given[0].v is not TensorValue index)
            throw call.Unsupported("only one index tensor (after full slices) is supported.");
        if (index.DataType is DataType.Bool or DataType.UInt8) throw call.Unsupported("bool mask indexing is not supported.");
        int axis = given[0].i;
        if (axis >= s.Length) throw call.Unsupported($"index on dim {axis} of a rank-{s.Length} tensor.");
        var positions = ctx.Cast(index, DataType.Int64);
        long[]? shape = index.Shape is null ? null : [.. s[..axis], .. index.Shape, .. s[(axis + 1)..]];
        return ctx.Emit("Gather", [ctx.In(x), ctx.In(positions)], x.DataType, shape, NodeAttribute.Of("axis", (long)axis));
    }
}
