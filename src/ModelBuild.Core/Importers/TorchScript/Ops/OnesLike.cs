namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::ones_like(Tensor self, *, ScalarType? dtype=None, …) -&gt; Tensor</c>: ones of self's shape (see <see cref="FilledLike"/>).</summary>
public static class OnesLike
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => FilledLike.Lower(ctx, call, 1);
}
