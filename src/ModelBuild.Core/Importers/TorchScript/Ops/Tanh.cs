using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::tanh(Tensor self) -&gt; Tensor</c> (and <c>tanh_</c>) → ONNX <c>Tanh</c>.</summary>
public static class Tanh
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => ctx.Unary("Tanh", call.Tensor("self"));
}
