using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::neg(Tensor self) -&gt; Tensor</c> → ONNX <c>Neg</c> (folded when known).</summary>
public static class Neg
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        return x.Name is null && x.Known is [var k] ? new TensorValue(null, x.DataType, x.Shape, [-k]) : ctx.Unary("Neg", x);
    }
}
