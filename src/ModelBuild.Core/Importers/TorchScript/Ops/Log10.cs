namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::log10(Tensor self) -&gt; Tensor</c> → ONNX <c>Log(x) / ln 10</c>.</summary>
public static class Log10
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        return ctx.Emit("Div", [ctx.In(ctx.Unary("Log", x)), ctx.In(ctx.Scalar(Math.Log(10), x.DataType))], x.DataType, x.Shape);
    }
}
