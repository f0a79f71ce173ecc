namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::addcdiv(Tensor self, Tensor tensor1, Tensor tensor2, *, Scalar value=1) -&gt; Tensor</c> (and <c>addcdiv_</c>) → self + value · tensor1 / tensor2.</summary>
public static class Addcdiv
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var quotient = Elementwise.Binary(ctx, call, "Div", call["tensor1"], call["tensor2"], (a, b) => a / b);
        var scaled = Elementwise.Scaled(ctx, call, quotient, call.Double("value"));
        return Elementwise.Binary(ctx, call, "Add", call["self"], scaled, (a, b) => a + b);
    }
}
