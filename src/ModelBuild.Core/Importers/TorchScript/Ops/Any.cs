namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::any(Tensor self)</c> and <c>aten::any.dim(Tensor self, int dim, bool keepdim=False)</c> → whether any element is non-zero
/// (bool), via ONNX <c>ReduceMax</c> (see <see cref="AnyAll"/>).
/// </summary>
public static class Any
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => AnyAll.Lower(ctx, call, "ReduceMax");
}
