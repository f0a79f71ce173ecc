namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::gt.Tensor(Tensor self, Tensor other) -&gt; Tensor</c> and <c>aten::gt.Scalar</c> → ONNX <c>Greater</c> (a &gt; b), a bool tensor.</summary>
public static class Gt
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => Eq.Compare(ctx, call, "Greater", (x, y) => x > y, negate: false);
}
