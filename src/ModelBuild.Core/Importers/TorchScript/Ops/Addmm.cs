using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::addmm(Tensor self, Tensor mat1, Tensor mat2, *, Scalar beta=1, Scalar alpha=1) -&gt; Tensor</c> →
/// ONNX <c>Gemm(mat1, mat2, self, alpha, beta)</c>.
/// </summary>
public static class Addmm
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var c = call.Tensor("self");
        var a = call.Tensor("mat1");
        var b = call.Tensor("mat2");
        long[]? shape = a.Shape is [var m, _] && b.Shape is [_, var n] ? [m, n] : null;
        return ctx.Emit("Gemm", [ctx.In(a), ctx.In(b), ctx.In(c)], a.DataType, shape,
            NodeAttribute.Of("alpha", (float)call.Double("alpha")), NodeAttribute.Of("beta", (float)call.Double("beta")));
    }
}
