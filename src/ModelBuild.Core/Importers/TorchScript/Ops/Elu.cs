using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::elu(Tensor self, Scalar alpha=1, Scalar scale=1, Scalar input_scale=1) -&gt; Tensor</c> (and <c>elu_</c>) →
/// ONNX <c>Elu</c>; an output scale multiplies after it.
/// </summary>
public static class Elu
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        double scale = call.Double("scale"), inputScale = call.Double("input_scale");
        // PyTorch scales only the negative side by input_scale, which ONNX Elu cannot express; F.elu never sets it.
        if (inputScale != 1) throw call.Unsupported("input_scale other than 1 is not supported.");
        var y = ctx.Unary("Elu", x, NodeAttribute.Of("alpha", (float)call.Double("alpha")));
        return scale == 1 ? y : ctx.Emit("Mul", [ctx.In(y), ctx.In(ctx.Scalar(scale, x.DataType))], x.DataType, x.Shape);
    }
}
