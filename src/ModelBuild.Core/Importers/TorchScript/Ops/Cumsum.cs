namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::cumsum(Tensor self, int dim, *, ScalarType? dtype=None) -&gt; Tensor</c> (and <c>cumsum_</c>) → ONNX
/// <c>CumSum</c>; bool and integer inputs accumulate in int64, as PyTorch does.
/// </summary>
public static class Cumsum
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = Reductions.Accumulating(ctx, call, call.Tensor("self"));
        if (x.Shape is not { } s) throw call.Unsupported("the input rank must be known.");
        if (call["dim"] is string) throw call.Unsupported("named dimensions are not supported.");
        int axis = LoweringContext.Axis(call.Int("dim"), Math.Max(s.Length, 1));
        if (s.Length == 0) return x;
        return ctx.Emit("CumSum", [ctx.In(x), ctx.In(ctx.Scalar(axis, Tensors.DataType.Int64))], x.DataType, s);
    }
}
