namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::zeros_like(Tensor self, *, ScalarType? dtype=None, …) -&gt; Tensor</c>: zeros of self's shape (see <see cref="FilledLike"/>).</summary>
public static class ZerosLike
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => FilledLike.Lower(ctx, call, 0);
}
