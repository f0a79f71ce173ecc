namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::lt.Tensor(Tensor self, Tensor other) -&gt; Tensor</c> and <c>aten::lt.Scalar</c> → ONNX <c>Less</c> (a &lt; b), a bool tensor.</summary>
public static class Lt
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => Eq.Compare(ctx, call, "Less", (x, y) => x < y, negate: false);
}
