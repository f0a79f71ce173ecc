namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::linalg_vector_norm(Tensor self, Scalar ord=2, int[1]? dim=None, bool keepdim=False, *,
/// ScalarType? dtype=None) -&gt; Tensor</c> → the p-norm of <see cref="VectorNorms"/> (all dims when dim is None).
/// </summary>
public static class LinalgVectorNorm
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (call.OptionalInt("dtype") is long dtype) x = ctx.Cast(x, ScalarTypes.ToDataType(dtype, call));
        return VectorNorms.Lower(ctx, call, x, call.Double("ord"), Reductions.Axes(call, x), Reductions.KeepDim(call));
    }
}
