namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::min(Tensor self)</c> → ONNX <c>ReduceMin</c> over all dims; <c>aten::min.dim(Tensor self, int dim,
/// bool keepdim=False) -&gt; (Tensor values, Tensor indices)</c> → <c>ReduceMin</c> and <c>ArgMin</c>;
/// <c>aten::min.other(Tensor self, Tensor other)</c> → elementwise <c>Min</c>.
/// </summary>
public static class Min
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => Extremes.Lower(ctx, call, "ReduceMin", "ArgMin", "Min");
}
