namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::frobenius_norm(Tensor self)</c> and <c>frobenius_norm.dim(Tensor self, int[1] dim, bool keepdim=False)</c>
/// (what <c>x.norm(dim=d)</c> traces to) → ONNX <c>ReduceL2</c>.
/// </summary>
public static class FrobeniusNorm
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        return VectorNorms.Lower(ctx, call, x, 2, Reductions.Axes(call, x), Reductions.KeepDim(call));
    }
}
