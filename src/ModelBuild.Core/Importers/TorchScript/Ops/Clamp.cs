namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::clamp(Tensor self, Scalar? min=None, Scalar? max=None) -&gt; Tensor</c> (and <c>clamp_</c>) → ONNX
/// <c>Clip</c> (an absent bound is an empty input); bounds are cast to the input's type. <c>clamp.Tensor</c> with
/// tensor bounds, which may vary per element, → <c>Max</c> then <c>Min</c> (Clip takes only scalar bounds).
/// </summary>
public static class Clamp
{
    public static object? Lower(LoweringContext ctx, BoundCall call) =>
        Bounded(ctx, call, call.Tensor("self"), call["min"], call["max"]);

    internal static TensorValue Bounded(LoweringContext ctx, BoundCall call, TensorValue x, object? min, object? max)
    {
        TensorValue? Bound(object? value, string name) => value is null ? null : ctx.Cast(ctx.AsTensor(value, x.DataType, call, name), x.DataType);
        var low = Bound(min, "min");
        var high = Bound(max, "max");
        if ((low?.Rank ?? 0) == 0 && (high?.Rank ?? 0) == 0)
            return ctx.Emit("Clip", [ctx.In(x), low is null ? "" : ctx.In(low), high is null ? "" : ctx.In(high)], x.DataType, x.Shape);
        var result = x;
        if (low is not null) result = ctx.Emit("Max", [ctx.In(result), ctx.In(low)], x.DataType, LoweringContext.Broadcast(result.Shape, low.Shape));
        if (high is not null) result = ctx.Emit("Min", [ctx.In(result), ctx.In(high)], x.DataType, LoweringContext.Broadcast(result.Shape, high.Shape));
        return result;
    }
}
