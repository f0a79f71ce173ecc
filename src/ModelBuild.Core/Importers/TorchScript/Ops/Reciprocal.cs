namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::reciprocal(Tensor self) -&gt; Tensor</c> (and <c>reciprocal_</c>) → ONNX <c>Reciprocal</c>.</summary>
public static class Reciprocal
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => ctx.Unary("Reciprocal", call.Tensor("self"));
}
