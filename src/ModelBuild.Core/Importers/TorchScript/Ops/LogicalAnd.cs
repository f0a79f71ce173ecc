namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::logical_and(Tensor self, Tensor other) -&gt; Tensor</c> → ONNX <c>And</c> of both operands as bool.</summary>
public static class LogicalAnd
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => Logical.Binary(ctx, call, "And", bitwise: false);
}
