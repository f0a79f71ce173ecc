using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::celu(Tensor self, Scalar alpha=1.0) -&gt; Tensor</c> (and <c>celu_</c>) → ONNX <c>Celu</c> (float32 only in ONNX).</summary>
public static class Celu
{
    public static object? Lower(LoweringContext ctx, BoundCall call) =>
        ctx.Unary("Celu", call.Tensor("self"), NodeAttribute.Of("alpha", (float)call.Double("alpha")));
}
