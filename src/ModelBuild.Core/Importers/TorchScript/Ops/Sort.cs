namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::sort(Tensor self, int dim=-1, bool descending=False) -&gt; (Tensor values, Tensor indices)</c> and
/// <c>sort.stable</c> → ONNX <c>TopK</c> of the whole (static) dim, largest first when descending. ONNX TopK
/// orders equal values by index, which is what <c>stable=True</c> asks.
/// </summary>
public static class Sort
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (call["dim"] is string) throw call.Unsupported("named dimensions are not supported.");
        if (x.Shape is not { Length: > 0 } s) throw call.Unsupported("the input must have a known rank of at least 1.");
        long dim = call.Int("dim");
        int axis = LoweringContext.Axis(dim, s.Length);
        if (axis < 0 || axis >= s.Length || s[axis] < 0) throw call.Unsupported($"dim {dim} must be a static dim of the input.");
        return Topk.Emit(ctx, call, x, s[axis], dim, call.Bool("descending"), sorted: true);
    }
}
