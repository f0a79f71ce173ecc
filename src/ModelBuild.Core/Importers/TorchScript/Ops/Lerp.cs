namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::lerp.Scalar(Tensor self, Tensor end, Scalar weight)</c> and <c>lerp.Tensor</c> (and <c>lerp_</c>) → self + weight · (end − self).</summary>
public static class Lerp
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var difference = Elementwise.Binary(ctx, call, "Sub", call["end"], call["self"], (a, b) => a - b);
        var step = Elementwise.Binary(ctx, call, "Mul", call["weight"], difference, (a, b) => a * b);
        return Elementwise.Binary(ctx, call, "Add", call["self"], step, (a, b) => a + b);
    }
}
