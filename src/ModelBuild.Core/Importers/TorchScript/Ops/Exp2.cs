namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::exp2(Tensor self) -&gt; Tensor</c> → ONNX <c>Pow(2, x)</c>.</summary>
public static class Exp2
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        return ctx.Emit("Pow", [ctx.In(ctx.Scalar(2, x.DataType)), ctx.In(x)], x.DataType, x.Shape);
    }
}
