namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::rsqrt(Tensor self) -&gt; Tensor</c> (and <c>rsqrt_</c>) → ONNX <c>Reciprocal</c> of <c>Sqrt</c>.</summary>
public static class Rsqrt
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        return ctx.Unary("Reciprocal", ctx.Unary("Sqrt", x));
    }
}
