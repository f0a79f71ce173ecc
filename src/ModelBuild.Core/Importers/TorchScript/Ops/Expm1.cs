namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::expm1(Tensor self) -&gt; Tensor</c> → ONNX <c>Exp(x) − 1</c> (ONNX has no expm1).</summary>
public static class Expm1
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        return ctx.Emit("Sub", [ctx.In(ctx.Unary("Exp", x)), ctx.In(ctx.Scalar(1, x.DataType))], x.DataType, x.Shape);
    }
}
