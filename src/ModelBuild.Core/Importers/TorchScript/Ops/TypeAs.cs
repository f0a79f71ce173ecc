namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::type_as(Tensor self, Tensor other) -&gt; Tensor</c> → ONNX <c>Cast</c> to other's element type (none when equal).</summary>
public static class TypeAs
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => ctx.Cast(call.Tensor("self"), call.Tensor("other").DataType);
}
