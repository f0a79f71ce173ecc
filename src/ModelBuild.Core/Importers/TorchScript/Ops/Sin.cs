namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::sin(Tensor self) -&gt; Tensor</c> (and <c>sin_</c>) → ONNX <c>Sin</c>.</summary>
public static class Sin
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => ctx.Unary("Sin", call.Tensor("self"));
}
