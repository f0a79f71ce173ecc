namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::ge.Tensor(Tensor self, Tensor other) -&gt; Tensor</c> and <c>aten::ge.Scalar</c> → ONNX <c>Less</c> then <c>Not</c> (not (a &lt; b)), a bool tensor.</summary>
public static class Ge
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => Eq.Compare(ctx, call, "Less", (x, y) => x < y, negate: true);
}
