using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::hardsigmoid(Tensor self) -&gt; Tensor</c> (and <c>hardsigmoid_</c>) → ONNX <c>HardSigmoid</c> with
/// PyTorch's slope 1/6 and offset 1/2 (ONNX's defaults are 0.2 and 0.5).
/// </summary>
public static class Hardsigmoid
{
    public static object? Lower(LoweringContext ctx, BoundCall call) =>
        ctx.Unary("HardSigmoid", call.Tensor("self"), NodeAttribute.Of("alpha", 1.0f / 6), NodeAttribute.Of("beta", 0.5f));
}
