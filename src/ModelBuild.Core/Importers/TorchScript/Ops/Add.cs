using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -&gt; Tensor</c>,
/// <c>aten::add.Scalar(Tensor self, Scalar other, Scalar alpha=1) -&gt; Tensor</c> and the in-place <c>add_</c>
/// (treated as functional) → ONNX <c>Add</c>, with <c>Mul</c> by alpha when alpha ≠ 1.
/// </summary>
public static class Add
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var other = Elementwise.Scaled(ctx, call, call["other"], call.Double("alpha"));
        return Elementwise.Binary(ctx, call, "Add", call["self"], other, (a, b) => a + b);
    }
}
