namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::var(Tensor self, bool unbiased=True)</c>, <c>var.dim(Tensor self, int[1]? dim, bool unbiased=True,
/// bool keepdim=False)</c> and <c>var.correction(Tensor self, int[1]? dim, *, int? correction, bool keepdim=False)</c>
/// → ReduceMean, Sub, Mul, ReduceSum, Div (see <see cref="Variance"/>).
/// </summary>
public static class Var
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => Variance.Lower(ctx, call);
}
