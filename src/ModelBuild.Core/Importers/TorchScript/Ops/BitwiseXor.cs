namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::bitwise_xor.Tensor/.Scalar</c> and <c>aten::__xor__</c> (<c>a ^ b</c>) on bool tensors → ONNX <c>Xor</c>.</summary>
public static class BitwiseXor
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => Logical.Binary(ctx, call, "Xor", bitwise: true);
}
