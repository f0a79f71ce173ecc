namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::prod(Tensor self, *, ScalarType? dtype=None)</c> and <c>aten::prod.dim_int(Tensor self, int dim,
/// bool keepdim=False, *, ScalarType? dtype=None)</c> → ONNX <c>ReduceProd</c>; bool and integer inputs in int64.
/// </summary>
public static class Prod
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = Reductions.Accumulating(ctx, call, call.Tensor("self"));
        return Reductions.Emit(ctx, "ReduceProd", x, Reductions.Axes(call, x), Reductions.KeepDim(call));
    }
}
