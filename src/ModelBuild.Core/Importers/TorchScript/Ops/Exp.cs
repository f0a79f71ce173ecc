namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::exp(Tensor self) -&gt; Tensor</c> (and <c>exp_</c>) → ONNX <c>Exp</c>.</summary>
public static class Exp
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => ctx.Unary("Exp", call.Tensor("self"));
}
