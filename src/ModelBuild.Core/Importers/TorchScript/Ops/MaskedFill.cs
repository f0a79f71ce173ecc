using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::masked_fill.Scalar(Tensor self, Tensor mask, Scalar value) -&gt; Tensor</c> (and <c>.Tensor</c>,
/// <c>masked_fill_</c>) → ONNX <c>Where(mask, value, self)</c>, the value cast to self's type.
/// </summary>
public static class MaskedFill
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        var mask = ctx.Cast(call.Tensor("mask"), DataType.Bool);
        var value = ctx.Cast(ctx.AsTensor(call["value"], x.DataType, call, "value"), x.DataType);
        var shape = LoweringContext.Broadcast(LoweringContext.Broadcast(mask.Shape, x.Shape), value.Shape);
        return ctx.Emit("Where", [ctx.In(mask), ctx.In(value), ctx.In(x)], x.DataType, shape);
    }
}
