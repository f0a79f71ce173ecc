namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::ceil(Tensor self) -&gt; Tensor</c> (and <c>ceil_</c>) → ONNX <c>Ceil</c>.</summary>
public static class Ceil
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => ctx.Unary("Ceil", call.Tensor("self"));
}
