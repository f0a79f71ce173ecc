namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::logical_xor(Tensor self, Tensor other) -&gt; Tensor</c> → ONNX <c>Xor</c> of both operands as bool.</summary>
public static class LogicalXor
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => Logical.Binary(ctx, call, "Xor", bitwise: false);
}
