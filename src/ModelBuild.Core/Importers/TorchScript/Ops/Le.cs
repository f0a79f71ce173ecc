namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::le.Tensor(Tensor self, Tensor other) -&gt; Tensor</c> and <c>aten::le.Scalar</c> → ONNX <c>Greater</c> then <c>Not</c> (not (a &gt; b)), a bool tensor.</summary>
public static class Le
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => Eq.Compare(ctx, call, "Greater", (x, y) => x > y, negate: true);
}
