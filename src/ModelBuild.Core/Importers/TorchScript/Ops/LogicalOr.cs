namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::logical_or(Tensor self, Tensor other) -&gt; Tensor</c> → ONNX <c>Or</c> of both operands as bool.</summary>
public static class LogicalOr
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => Logical.Binary(ctx, call, "Or", bitwise: false);
}
