using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::to_padded_tensor(Tensor self, float padding, int[]? output_size=None) -&gt; Tensor</c> of a nested tensor
/// (see <see cref="NestedTensorFromMask"/>): the non-token positions set to padding, and the length cut to the longest
/// sequence, as PyTorch pads to that and not to the original length, so the length dim is only known at run time.
/// </summary>
public static class ToPaddedTensor
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (x.NestedTokens is not { } tokens) throw call.Unsupported("self must be a nested tensor (made by _nested_tensor_from_mask).");
        if (call["output_size"] is not null) throw call.Unsupported("output_size is not supported; only the default (pad to the longest sequence).");
        var type = x.DataType;
        var shape = x.Shape!;
        var keep = ctx.Emit("Unsqueeze", [ctx.In(tokens), ctx.In(ctx.Ints(2))], DataType.Bool, [shape[0], shape[1], 1]);
        var padded = ctx.Emit("Where", [ctx.In(keep), ctx.In(x), ctx.In(ctx.Scalar(call.Double("padding"), type))], type, shape);
        // Longest sequence = the number of positions that hold a token in some row.
        var anyRow = ctx.Emit("ReduceMax", [ctx.In(ctx.Cast(tokens, DataType.Int64))], DataType.Int64, [shape[1]], NodeAttribute.Of("axes", new long[] { 0 }), NodeAttribute.Of("keepdims", 0L));
        var longest = ctx.Emit("ReduceSum", [ctx.In(anyRow), ctx.In(ctx.Ints(0))], DataType.Int64, [1], NodeAttribute.Of("keepdims", 1L));
        return ctx.Emit("Slice", [ctx.In(padded), ctx.In(ctx.Ints(0)), ctx.In(longest), ctx.In(ctx.Ints(1))], type, [shape[0], -1, shape[2]]);
    }
}
