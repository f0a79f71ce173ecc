namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::full_like(Tensor self, Scalar fill_value, *, ScalarType? dtype=None, …) -&gt; Tensor</c>: fill_value in self's
/// shape (see <see cref="FilledLike"/>); the value must be known at conversion time.
/// </summary>
public static class FullLike
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => FilledLike.Lower(ctx, call, call.Double("fill_value"));
}
