namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::norm.Scalar(Tensor self, Scalar p=2)</c>, <c>norm.ScalarOpt_dim(Tensor self, Scalar? p, int[1] dim,
/// bool keepdim=False)</c> and their <c>dtype</c> forms (what <c>x.norm()</c> and <c>F.normalize</c> trace to) → the
/// p-norm of <see cref="VectorNorms"/>.
/// </summary>
public static class Norm
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (call.Has("dtype") && call.OptionalInt("dtype") is long dtype) x = ctx.Cast(x, ScalarTypes.ToDataType(dtype, call));
        if (call.Has("dim") && call["dim"] is string) throw call.Unsupported("named dimensions are not supported.");
        return VectorNorms.Lower(ctx, call, x, VectorNorms.P(call, "p"), Reductions.Axes(call, x), Reductions.KeepDim(call));
    }
}
