namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::sign(Tensor self) -&gt; Tensor</c> (and <c>sign_</c>) → ONNX <c>Sign</c>.</summary>
public static class Sign
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => ctx.Unary("Sign", call.Tensor("self"));
}
