using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::logical_not(Tensor self) -&gt; Tensor</c> (and <c>logical_not_</c>, treated as functional) → ONNX <c>Not</c> of
/// self cast to bool (non-zero is true), a bool tensor; <c>nn.TransformerEncoder</c> records it to turn a key padding
/// mask into the token mask of a nested tensor.
/// </summary>
public static class LogicalNot
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => ctx.Unary("Not", ctx.Cast(call.Tensor("self"), DataType.Bool));
}
