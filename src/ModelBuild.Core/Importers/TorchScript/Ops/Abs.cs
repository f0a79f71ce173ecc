namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::abs(Tensor self) -&gt; Tensor</c> (and <c>abs_</c>) → ONNX <c>Abs</c>.</summary>
public static class Abs
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => ctx.Unary("Abs", call.Tensor("self"));
}
