using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::logical_or(Tensor self, Tensor other) -&gt; Tensor</c> (and <c>logical_or_</c>, treated as functional) →
/// ONNX <c>Or</c> on both operands cast to bool (non-zero is true), a bool tensor; multi-head attention records it to
/// merge a bool attn_mask with the key padding mask.
/// </summary>
public static class LogicalOr
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var a = ctx.Cast(call.Tensor("self"), DataType.Bool);
        var b = ctx.Cast(call.Tensor("other"), DataType.Bool);
        return ctx.Emit("Or", [ctx.In(a), ctx.In(b)], DataType.Bool, LoweringContext.Broadcast(a.Shape, b.Shape));
    }
}
