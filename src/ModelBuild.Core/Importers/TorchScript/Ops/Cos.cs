namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::cos(Tensor self) -&gt; Tensor</c> (and <c>cos_</c>) → ONNX <c>Cos</c>.</summary>
public static class Cos
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => ctx.Unary("Cos", call.Tensor("self"));
}
