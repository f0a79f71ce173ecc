using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::softplus(Tensor self, Scalar beta=1, Scalar threshold=20) -&gt; Tensor</c> → ONNX <c>Softplus</c> of
/// beta·x, divided by beta, and x itself where beta·x &gt; threshold (PyTorch's switch to the linear part).
/// </summary>
public static class Softplus
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        double beta = call.Double("beta"), threshold = call.Double("threshold");
        var scaled = beta == 1 ? x : ctx.Emit("Mul", [ctx.In(x), ctx.In(ctx.Scalar(beta, x.DataType))], x.DataType, x.Shape);
        var soft = ctx.Unary("Softplus", scaled);
        if (beta != 1) soft = ctx.Emit("Div", [ctx.In(soft), ctx.In(ctx.Scalar(beta, x.DataType))], x.DataType, x.Shape);
        var linear = ctx.Emit("Greater", [ctx.In(scaled), ctx.In(ctx.Scalar(threshold, x.DataType))], DataType.Bool, x.Shape);
        return ctx.Emit("Where", [ctx.In(linear), ctx.In(x), ctx.In(soft)], x.DataType, x.Shape);
    }
}
