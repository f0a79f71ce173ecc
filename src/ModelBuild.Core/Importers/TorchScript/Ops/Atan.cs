namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::atan(Tensor self) -&gt; Tensor</c> (and <c>atan_</c>) → ONNX <c>Atan</c>.</summary>
public static class Atan
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => ctx.Unary("Atan", call.Tensor("self"));
}
