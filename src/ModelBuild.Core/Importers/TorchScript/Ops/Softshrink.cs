using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::softshrink(Tensor self, Scalar lambd=0.5) -&gt; Tensor</c> → ONNX <c>Shrink(lambd, bias=lambd)</c>.</summary>
public static class Softshrink
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        float lambd = (float)call.Double("lambd");
        return ctx.Unary("Shrink", call.Tensor("self"), NodeAttribute.Of("lambd", lambd), NodeAttribute.Of("bias", lambd));
    }
}
