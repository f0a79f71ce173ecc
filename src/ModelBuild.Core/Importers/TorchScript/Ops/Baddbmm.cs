using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::baddbmm(Tensor self, Tensor batch1, Tensor batch2, *, Scalar beta=1, Scalar alpha=1) -&gt; Tensor</c> →
/// <c>beta·self + alpha·MatMul(batch1, batch2)</c>, self broadcast to [b, n, p]. Multi-head attention with a mask
/// records it: the additive mask is self, the scaled queries and transposed keys the batches. As PyTorch does, beta 0
/// drops self (so its NaN or −∞ do not leak in) and a scale of 1 emits no Mul.
/// </summary>
public static class Baddbmm
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var self = call.Tensor("self");
        var a = call.Tensor("batch1");
        var b = call.Tensor("batch2");
        if (a.Rank != 3 || b.Rank != 3) throw call.Unsupported($"batch1 and batch2 must be 3-D, not rank {a.Rank} and {b.Rank}.");
        var type = a.DataType;
        double alpha = call.Double("alpha"), beta = call.Double("beta");
        long[] shape = [a.Shape![0] >= 0 ? a.Shape[0] : b.Shape![0], a.Shape[1], b.Shape![2]];
        var product = ctx.Emit("MatMul", [ctx.In(a), ctx.In(b)], type, shape);
        if (alpha != 1) product = ctx.Emit("Mul", [ctx.In(product), ctx.In(ctx.Scalar(alpha, type))], type, shape);
        if (beta == 0) return product;
        var addend = ctx.Cast(self, type);
        if (beta != 1) addend = ctx.Emit("Mul", [ctx.In(addend), ctx.In(ctx.Scalar(beta, type))], type, addend.Shape);
        return ctx.Emit("Add", [ctx.In(addend), ctx.In(product)], type, LoweringContext.Broadcast(addend.Shape, shape));
    }
}
