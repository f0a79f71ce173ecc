namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::sinh(Tensor self) -&gt; Tensor</c> (and <c>sinh_</c>) → ONNX <c>Sinh</c>.</summary>
public static class Sinh
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => ctx.Unary("Sinh", call.Tensor("self"));
}
