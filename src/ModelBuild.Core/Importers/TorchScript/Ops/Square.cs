namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::square(Tensor self) -&gt; Tensor</c> → ONNX <c>Mul(x, x)</c>.</summary>
public static class Square
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        return ctx.Emit("Mul", [ctx.In(x), ctx.In(x)], x.DataType, x.Shape);
    }
}
