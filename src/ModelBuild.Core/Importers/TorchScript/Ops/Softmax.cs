using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::softmax.int(Tensor self, int dim, ScalarType? dtype=None) -&gt; Tensor</c> → ONNX <c>Softmax(axis=dim)</c> (opset 13+ semantics: one axis).</summary>
public static class Softmax
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (call.OptionalInt("dtype") is long dtype) x = ctx.Cast(x, ScalarTypes.ToDataType(dtype, call));
        return ctx.Emit("Softmax", [ctx.In(x)], x.DataType, x.Shape, NodeAttribute.Of("axis", call.Int("dim")));
    }
}
