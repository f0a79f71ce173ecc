using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::threshold(Tensor self, Scalar threshold, Scalar value) -&gt; Tensor</c> (and <c>threshold_</c>) → ONNX
/// <c>Where(x &gt; threshold, x, value)</c>.
/// </summary>
public static class Threshold
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        var above = ctx.Emit("Greater", [ctx.In(x), ctx.In(ctx.Scalar(call.Double("threshold"), x.DataType))], DataType.Bool, x.Shape);
        return ctx.Emit("Where", [ctx.In(above), ctx.In(x), ctx.In(ctx.Scalar(call.Double("value"), x.DataType))], x.DataType, x.Shape);
    }
}
