namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::clamp_min(Tensor self, Scalar min)</c> and <c>clamp_min.Tensor</c> (and <c>clamp_min_</c>; what
/// <c>F.normalize</c> traces to) → ONNX <c>Max</c> with the bound cast to the input's type, which also takes a
/// tensor bound.
/// </summary>
public static class ClampMin
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => Clamp.Bounded(ctx, call, call.Tensor("self"), call["min"], null);
}
