namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::log2(Tensor self) -&gt; Tensor</c> → ONNX <c>Log(x) / ln 2</c>.</summary>
public static class Log2
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        return ctx.Emit("Div", [ctx.In(ctx.Unary("Log", x)), ctx.In(ctx.Scalar(Math.Log(2), x.DataType))], x.DataType, x.Shape);
    }
}
