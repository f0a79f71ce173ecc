using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::relu(Tensor self) -&gt; Tensor</c> and <c>aten::relu_(Tensor(a!) self) -&gt; Tensor(a!)</c> (in place → functional) → ONNX <c>Relu</c>.</summary>
public static class Relu
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => ctx.Unary("Relu", call.Tensor("self"));
}
