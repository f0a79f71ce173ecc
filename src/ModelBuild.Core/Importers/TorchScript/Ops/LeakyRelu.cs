using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::leaky_relu(Tensor self, Scalar negative_slope=0.01) -&gt; Tensor</c> (and <c>leaky_relu_</c>) → ONNX <c>LeakyRelu</c>.</summary>
public static class LeakyRelu
{
    public static object? Lower(LoweringContext ctx, BoundCall call) =>
        ctx.Unary("LeakyRelu", call.Tensor("self"), NodeAttribute.Of("alpha", (float)call.Double("negative_slope")));
}
