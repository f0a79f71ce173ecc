namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::logical_not(Tensor self) -&gt; Tensor</c> → ONNX <c>Not</c> of the operand as bool.</summary>
public static class LogicalNot
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => Logical.Not(ctx, call, bitwise: false);
}
