namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::relu6(Tensor self) -&gt; Tensor</c> (and <c>relu6_</c>) → ONNX <c>Clip</c> to [0, 6].</summary>
public static class Relu6
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        return ctx.Emit("Clip", [ctx.In(x), ctx.In(ctx.Scalar(0, x.DataType)), ctx.In(ctx.Scalar(6, x.DataType))], x.DataType, x.Shape);
    }
}
