namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::pow.Tensor_Scalar(Tensor self, Scalar exponent) -&gt; Tensor</c> (and <c>.Tensor_Tensor</c>, <c>.Scalar</c>,
/// <c>pow_</c>) → ONNX <c>Pow</c> in the promoted type; known operands fold (Swin's <c>head_dim ** -0.5</c>).
/// </summary>
public static class Pow
{
    public static object? Lower(LoweringContext ctx, BoundCall call) =>
        Elementwise.Binary(ctx, call, "Pow", call["self"], call["exponent"], Math.Pow);
}
