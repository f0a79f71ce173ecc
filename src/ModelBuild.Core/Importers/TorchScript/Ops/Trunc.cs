namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::trunc(Tensor self) -&gt; Tensor</c> (and <c>trunc_</c>) → toward zero: ONNX <c>Where(x &lt; 0, Ceil(x), Floor(x))</c> (opset 17 has no Trunc).</summary>
public static class Trunc
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => Of(ctx, call.Tensor("self"));

    internal static TensorValue Of(LoweringContext ctx, TensorValue x)
    {
        var negative = ctx.Emit("Less", [ctx.In(x), ctx.In(ctx.Scalar(0, x.DataType))], Tensors.DataType.Bool, x.Shape);
        return ctx.Emit("Where", [ctx.In(negative), ctx.In(ctx.Unary("Ceil", x)), ctx.In(ctx.Unary("Floor", x))], x.DataType, x.Shape);
    }
}
