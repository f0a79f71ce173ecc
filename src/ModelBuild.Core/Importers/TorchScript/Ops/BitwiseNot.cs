namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::bitwise_not(Tensor self) -&gt; Tensor</c> (<c>~a</c>) on a bool tensor → ONNX <c>Not</c>.</summary>
public static class BitwiseNot
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => Logical.Not(ctx, call, bitwise: true);
}
