using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::log_softmax.int(Tensor self, int dim, ScalarType? dtype=None) -&gt; Tensor</c> → ONNX <c>LogSoftmax(axis=dim)</c>.</summary>
public static class LogSoftmax
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (call.OptionalInt("dtype") is long dtype) x = ctx.Cast(x, ScalarTypes.ToDataType(dtype, call));
        return ctx.Emit("LogSoftmax", [ctx.In(x)], x.DataType, x.Shape, NodeAttribute.Of("axis", call.Int("dim")));
    }
}
