namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::cosh(Tensor self) -&gt; Tensor</c> (and <c>cosh_</c>) → ONNX <c>Cosh</c>.</summary>
public static class Cosh
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => ctx.Unary("Cosh", call.Tensor("self"));
}
