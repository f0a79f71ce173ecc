namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::baddbmm(Tensor self, Tensor batch1, Tensor batch2, *, Scalar beta=1, Scalar alpha=1) -&gt; Tensor</c> →
/// beta · self + alpha · (batch1 @ batch2) with ONNX <c>MatMul</c> (beta = 0 ignores self, as PyTorch does).
/// </summary>
public static class Baddbmm
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var a = call.Tensor("batch1");
        var b = call.Tensor("batch2");
        if (a.Shape is not { Length: 3 } sa || b.Shape is not { Length: 3 } sb) throw call.Unsupported("batch1 and batch2 must be 3-D.");
        var product = ctx.Emit("MatMul", [ctx.In(a), ctx.In(b)], a.DataType, [sa[0] >= 0 ? sa[0] : sb[0], sa[1], sb[2]]);
        var scaled = Elementwise.Scaled(ctx, call, product, call.Double("alpha"));
        double beta = call.Double("beta");
        if (beta == 0) return scaled;
        var bias = Elementwise.Scaled(ctx, call, call["self"], beta);
        return Elementwise.Binary(ctx, call, "Add", bias, scaled, (p, q) => p + q);
    }
}
