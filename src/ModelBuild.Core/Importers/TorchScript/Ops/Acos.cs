namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::acos(Tensor self) -&gt; Tensor</c> (and <c>acos_</c>) → ONNX <c>Acos</c>.</summary>
public static class Acos
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => ctx.Unary("Acos", call.Tensor("self"));
}
