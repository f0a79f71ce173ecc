namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::addcmul(Tensor self, Tensor tensor1, Tensor tensor2, *, Scalar value=1) -&gt; Tensor</c> (and <c>addcmul_</c>) → self + value · tensor1 · tensor2.</summary>
public static class Addcmul
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var product = Elementwise.Binary(ctx, call, "Mul", call["tensor1"], call["tensor2"], (a, b) => a * b);
        var scaled = Elementwise.Scaled(ctx, call, product, call.Double("value"));
        return Elementwise.Binary(ctx, call, "Add", call["self"], scaled, (a, b) => a + b);
    }
}
