namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::silu(Tensor self) -&gt; Tensor</c> (and <c>silu_</c>) → ONNX <c>Sigmoid</c> then <c>Mul</c> (x·σ(x)).</summary>
public static class Silu
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        var sigmoid = ctx.Unary("Sigmoid", x);
        return ctx.Emit("Mul", [ctx.In(x), ctx.In(sigmoid)], x.DataType, x.Shape);
    }
}
