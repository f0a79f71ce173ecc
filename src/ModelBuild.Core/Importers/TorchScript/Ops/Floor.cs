namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::floor(Tensor self) -&gt; Tensor</c> (and <c>floor_</c>) → ONNX <c>Floor</c>.</summary>
public static class Floor
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => ctx.Unary("Floor", call.Tensor("self"));
}
