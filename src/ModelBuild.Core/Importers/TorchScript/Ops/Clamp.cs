namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::clamp(Tensor self, Scalar? min=None, Scalar? max=None) -&gt; Tensor</c> (and <c>clamp_</c>, <c>.Tensor</c>)
/// → ONNX <c>Clip</c> (an absent bound is an empty input); bounds are cast to the input's type.
/// </summary>
public static class Clamp
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        string Bound(string name) => call[name] is null ? "" : ctx.In(ctx.Cast(ctx.AsTensor(call[name], x.DataType, call, name), x.DataType));
        return ctx.Emit("Clip", [ctx.In(x), Bound("min"), Bound("max")], x.DataType, x.Shape);
    }
}
