namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::tan(Tensor self) -&gt; Tensor</c> (and <c>tan_</c>) → ONNX <c>Tan</c>.</summary>
public static class Tan
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => ctx.Unary("Tan", call.Tensor("self"));
}
