using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::sub.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -&gt; Tensor</c>,
/// <c>aten::sub.Scalar(Tensor self, Scalar other, Scalar alpha=1) -&gt; Tensor</c>, <c>sub_</c> → ONNX <c>Sub</c>.
/// </summary>
public static class Sub
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var other = Elementwise.Scaled(ctx, call, call["other"], call.Double("alpha"));
        return Elementwise.Binary(ctx, call, "Sub", call["self"], other, (a, b) => a - b);
    }
}
