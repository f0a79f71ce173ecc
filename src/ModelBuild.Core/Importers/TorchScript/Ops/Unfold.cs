using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::unfold(Tensor(a) self, int dimension, int size, int step) -&gt; Tensor(a)</c>, the sliding windows of
/// <c>size</c> every <c>step</c> along a static dim: ONNX <c>Gather</c> with a [windows, size] index table puts the
/// windows at the dim and their elements right after it; a <c>Transpose</c> moves the elements last, as PyTorch has them.
/// </summary>
public static class Unfold
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (x.Shape is not { Length: > 0 } s) throw call.Unsupported("the input must have a known rank of at least 1.");
        int axis = LoweringContext.Axis(call.Int("dimension"), s.Length);
        long size = call.Int("size"), step = call.Int("step");
        if (axis < 0 || axis >= s.Length || s[axis] < 0) throw call.Unsupported($"dimension {call.Int("dimension")} must be a static dim of the input.");
        if (size <= 0 || step <= 0 || size > s[axis]) throw call.Unsupported($"size {size} and step {step} do not fit dim {axis} of size {s[axis]}.");
        long windows = (s[axis] - size) / step + 1;
        var table = new double[windows * size];
        for (long w = 0; w < windows; w++)
            for (long i = 0; i < size; i++) table[w * size + i] = w * step + i;
        var index = new TensorValue(ctx.EmitConstant(table, DataType.Int64, [windows, size]), DataType.Int64, [windows, size]);
        long[] gathered = [.. s[..axis], windows, size, .. s[(axis + 1)..]];
        var picked = ctx.Emit("Gather", [ctx.In(x), ctx.In(index)], x.DataType, gathered, NodeAttribute.Of("axis", (long)axis));
        if (axis == s.Length - 1) return picked;
        // Move the window elements (axis + 1) after the remaining dims.
        var perm = Enumerable.Range(0, gathered.Length).Where(d => d != axis + 1).Append(axis + 1).Select(d => (long)d).ToArray();
        return ctx.Emit("Transpose", [ctx.In(picked)], x.DataType, perm.Select(p => gathered[p]).ToArray(), NodeAttribute.Of("perm", perm));
    }
}
