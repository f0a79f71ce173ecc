namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::sqrt(Tensor self) -&gt; Tensor</c> (and <c>sqrt_</c>) → ONNX <c>Sqrt</c>.</summary>
public static class Sqrt
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => ctx.Unary("Sqrt", call.Tensor("self"));
}
