namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::asin(Tensor self) -&gt; Tensor</c> (and <c>asin_</c>) → ONNX <c>Asin</c>.</summary>
public static class Asin
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => ctx.Unary("Asin", call.Tensor("self"));
}
