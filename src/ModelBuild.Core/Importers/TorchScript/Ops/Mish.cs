namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::mish(Tensor self) -&gt; Tensor</c> (and <c>mish_</c>): x · tanh(softplus(x)) as ONNX <c>Softplus</c>,
/// <c>Tanh</c>, <c>Mul</c> (ONNX's own Mish arrives in opset 18; the graph is opset 17).
/// </summary>
public static class Mish
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        var tanh = ctx.Unary("Tanh", ctx.Unary("Softplus", x));
        return ctx.Emit("Mul", [ctx.In(x), ctx.In(tanh)], x.DataType, x.Shape);
    }
}
