namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::sum(Tensor self, *, ScalarType? dtype=None)</c> and <c>aten::sum.dim_IntList(Tensor self, int[1]? dim,
/// bool keepdim=False, *, ScalarType? dtype=None)</c> → ONNX <c>ReduceSum</c>. Bool and integer inputs sum in int64,
/// as PyTorch does unless <c>dtype</c> says otherwise.
/// </summary>
public static class Sum
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = Reductions.Accumulating(ctx, call, call.Tensor("self"));
        return Reductions.Sum(ctx, x, Reductions.Axes(call, x), Reductions.KeepDim(call));
    }
}
