using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::hardshrink(Tensor self, Scalar lambd=0.5) -&gt; Tensor</c> → ONNX <c>Shrink(lambd, bias=0)</c>.</summary>
public static class Hardshrink
{
    public static object? Lower(LoweringContext ctx, BoundCall call) =>
        ctx.Unary("Shrink", call.Tensor("self"), NodeAttribute.Of("lambd", (float)call.Double("lambd")), NodeAttribute.Of("bias", 0f));
}
