namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::clamp_max(Tensor self, Scalar max)</c> and <c>clamp_max.Tensor</c> (and <c>clamp_max_</c>) → ONNX <c>Min</c> with the bound cast to the input's type.</summary>
public static class ClampMax
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => Clamp.Bounded(ctx, call, call.Tensor("self"), null, call["max"]);
}
