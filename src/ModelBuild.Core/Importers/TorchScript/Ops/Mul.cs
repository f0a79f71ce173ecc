using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::mul.Tensor(Tensor self, Tensor other) -&gt; Tensor</c>, <c>aten::mul.Scalar(Tensor self, Scalar other) -&gt; Tensor</c>, <c>mul_</c> → ONNX <c>Mul</c>.</summary>
public static class Mul
{
    public static object? Lower(LoweringContext ctx, BoundCall call) =>
        Elementwise.Binary(ctx, call, "Mul", call["self"], call["other"], (a, b) => a * b);
}
