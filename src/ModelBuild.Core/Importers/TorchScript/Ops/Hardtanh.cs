using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::hardtanh(Tensor self, Scalar min_val=-1, Scalar max_val=1) -&gt; Tensor</c> (and <c>hardtanh_</c>) → ONNX <c>Clip</c>.</summary>
public static class Hardtanh
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        var min = ctx.In(ctx.Scalar(call.Double("min_val"), x.DataType));
        var max = ctx.In(ctx.Scalar(call.Double("max_val"), x.DataType));
        return ctx.Emit("Clip", [ctx.In(x), min, max], x.DataType, x.Shape);
    }
}
