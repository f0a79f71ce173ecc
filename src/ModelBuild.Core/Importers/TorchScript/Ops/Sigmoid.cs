using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::sigmoid(Tensor self) -&gt; Tensor</c> (and <c>sigmoid_</c>) → ONNX <c>Sigmoid</c>.</summary>
public static class Sigmoid
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => ctx.Unary("Sigmoid", call.Tensor("self"));
}
