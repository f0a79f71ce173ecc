namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::bitwise_or.Tensor/.Scalar</c> and <c>aten::__or__</c> (<c>a | b</c>) on bool tensors → ONNX <c>Or</c>.</summary>
public static class BitwiseOr
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => Logical.Binary(ctx, call, "Or", bitwise: true);
}
