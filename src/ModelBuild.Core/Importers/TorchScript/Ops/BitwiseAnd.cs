namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::bitwise_and.Tensor/.Scalar</c> and <c>aten::__and__</c> (<c>a &amp; b</c>) on bool tensors → ONNX <c>And</c>.</summary>
public static class BitwiseAnd
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => Logical.Binary(ctx, call, "And", bitwise: true);
}
