namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::logsumexp(Tensor self, int[1] dim, bool keepdim=False) -&gt; Tensor</c> → max + log Σ exp(x − max)
/// (ONNX <c>ReduceMax</c>, <c>Sub</c>, <c>Exp</c>, <c>ReduceSum</c>, <c>Log</c>, <c>Add</c>): shifting by the
/// max keeps large inputs from overflowing, as PyTorch's own kernel does.
/// </summary>
public static class Logsumexp
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (!LoweringContext.IsFloating(x.DataType)) x = ctx.Cast(x, Tensors.DataType.Float32);
        var axes = Reductions.Axes(call, x);
        bool keep = Reductions.KeepDim(call);
        if (x.Rank == 0) return x;
        var max = Reductions.Emit(ctx, "ReduceMax", x, axes, keep: true);
        var shifted = ctx.Emit("Sub", [ctx.In(x), ctx.In(max)], x.DataType, x.Shape);
        var total = Reductions.Sum(ctx, ctx.Unary("Exp", shifted), axes, keep);
        var maxOut = keep ? max : ctx.Emit("Squeeze", [ctx.In(max), ctx.In(ctx.Ints(axes))], x.DataType, total.Shape);
        return ctx.Emit("Add", [ctx.In(ctx.Unary("Log", total)), ctx.In(maxOut)], x.DataType, total.Shape);
    }
}
