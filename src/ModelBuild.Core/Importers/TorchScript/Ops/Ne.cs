namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::ne.Tensor(Tensor self, Tensor other) -&gt; Tensor</c> and <c>aten::ne.Scalar</c> → ONNX <c>Equal</c> then <c>Not</c>.</summary>
public static class Ne
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => Eq.Compare(ctx, call, negate: true);
}
