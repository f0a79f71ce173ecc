namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::all(Tensor self)</c> and <c>aten::all.dim(Tensor self, int dim, bool keepdim=False)</c> → whether every element is non-zero
/// (bool), via ONNX <c>ReduceMin</c> (see <see cref="AnyAll"/>).
/// </summary>
public static class All
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => AnyAll.Lower(ctx, call, "ReduceMin");
}
