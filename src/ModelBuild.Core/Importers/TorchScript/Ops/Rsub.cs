namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::rsub.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -&gt; Tensor</c> and <c>aten::rsub.Scalar</c>
/// (what <c>1 - x</c> traces to): other − alpha·self → ONNX <c>Sub</c>; known operands fold.
/// </summary>
public static class Rsub
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var scaled = Elementwise.Scaled(ctx, call, call["self"], call.Double("alpha"));
        return Elementwise.Binary(ctx, call, "Sub", call["other"], scaled, (a, b) => a - b);
    }
}
