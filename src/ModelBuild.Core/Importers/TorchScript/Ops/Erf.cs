namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::erf(Tensor self) -&gt; Tensor</c> (and <c>erf_</c>) → ONNX <c>Erf</c>.</summary>
public static class Erf
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => ctx.Unary("Erf", call.Tensor("self"));
}
