using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::stack(Tensor[] tensors, int dim=0) -&gt; Tensor</c> → each input <c>Unsqueeze</c>d at the dim, then ONNX
/// <c>Concat</c> on it; inputs are promoted to one type and must have equal ranks.
/// </summary>
public static class Stack
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var tensors = call.Tensors("tensors");
        if (tensors.Count == 0) throw call.Unsupported("stack of an empty list.");
        if (tensors[0].Shape is not { } s || tensors.Any(t => t.Rank != s.Length)) throw call.Unsupported("the inputs must have one known rank.");
        int axis = LoweringContext.Axis(call.Int("dim"), s.Length + 1);
        if (axis < 0 || axis > s.Length) throw call.Unsupported($"dim {call.Int("dim")} is out of range for stacking rank-{s.Length} tensors.");
        var type = LoweringContext.ResultType(tensors);
        var axes = ctx.In(ctx.Ints(axis));
        var parts = tensors.Select(t =>
        {
            var shape = t.Shape!;
            return ctx.Emit("Unsqueeze", [ctx.In(ctx.Cast(t, type)), axes], type, [.. shape[..axis], 1, .. shape[axis..]]);
        }).ToList();
        var result = (long[])parts[0].Shape!.Clone();
        result[axis] = tensors.Count;
        for (int i = 0; i < result.Length; i++)
            if (i != axis && parts.Any(p => p.Shape![i] != result[i])) result[i] = -1;
        return ctx.Emit("Concat", parts.Select(ctx.In), type, result, NodeAttribute.Of("axis", (long)axis));
    }
}
