namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::max(Tensor self)</c> → ONNX <c>ReduceMax</c> over all dims; <c>aten::max.dim(Tensor self, int dim,
/// bool keepdim=False) -&gt; (Tensor values, Tensor indices)</c> → <c>ReduceMax</c> and <c>ArgMax</c> (first index of
/// the maximum); <c>aten::max.other(Tensor self, Tensor other)</c> → elementwise <c>Max</c>.
/// </summary>
public static class Max
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => Extremes.Lower(ctx, call, "ReduceMax", "ArgMax", "Max");
}
