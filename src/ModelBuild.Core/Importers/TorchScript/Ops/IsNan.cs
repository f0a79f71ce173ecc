namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::isnan(Tensor self) -&gt; Tensor</c> → ONNX <c>IsNaN</c>, a bool tensor.</summary>
public static class IsNan
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => ctx.Emit("IsNaN", [ctx.In(call.Tensor("self"))], Tensors.DataType.Bool, call.Tensor("self").Shape);
}
