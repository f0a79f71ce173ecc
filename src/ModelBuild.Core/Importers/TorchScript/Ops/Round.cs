namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::round(Tensor self) -&gt; Tensor</c> (and <c>round_</c>) → ONNX <c>Round</c>, which rounds halves to even as
/// PyTorch does. <c>round.decimals</c> scales by 10^decimals around it.
/// </summary>
public static class Round
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        long decimals = call.Has("decimals") ? call.Int("decimals") : 0;
        if (decimals == 0) return ctx.Unary("Round", x);
        var scale = ctx.In(ctx.Scalar(Math.Pow(10, decimals), x.DataType));
        var scaled = ctx.Emit("Mul", [ctx.In(x), scale], x.DataType, x.Shape);
        var rounded = ctx.Unary("Round", scaled);
        return ctx.Emit("Div", [ctx.In(rounded), scale], x.DataType, x.Shape);
    }
}
