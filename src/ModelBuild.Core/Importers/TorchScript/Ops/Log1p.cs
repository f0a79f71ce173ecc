namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::log1p(Tensor self) -&gt; Tensor</c> → ONNX <c>Log(1 + x)</c> (ONNX has no log1p; float32 loses the digits of tiny x as any 1 + x does).</summary>
public static class Log1p
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        return ctx.Unary("Log", ctx.Emit("Add", [ctx.In(x), ctx.In(ctx.Scalar(1, x.DataType))], x.DataType, x.Shape));
    }
}
