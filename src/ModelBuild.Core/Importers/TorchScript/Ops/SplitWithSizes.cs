using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::split_with_sizes(Tensor(a -&gt; *) self, int[] split_sizes, int dim=0) -&gt; Tensor(a)[]</c> → ONNX
/// <c>Split</c> with those sizes (<c>torch.split(x, [a, b])</c>; cross-attention records it to cut the packed in-projection
/// into the query and key/value parts). The split dim must be static and the sizes must add up to it.
/// </summary>
public static class SplitWithSizes
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        var sizes = call.Ints("split_sizes");
        if (x.Shape is not { } s) throw call.Unsupported("the input rank must be known.");
        int axis = LoweringContext.Axis(call.Int("dim"), s.Length);
        if (axis < 0 || axis >= s.Length) throw call.Unsupported($"dim {call.Int("dim")} is out of range for a rank-{s.Length} tensor.");
        if (s[axis] < 0) throw call.Unsupported($"dim {axis} must be static to be split.");
        if (sizes.Length == 0 || sizes.Any(n => n < 0) || sizes.Sum() != s[axis])
            throw call.Unsupported($"split_sizes [{string.Join(", ", sizes)}] do not add up to dim {axis}'s size {s[axis]}.");
        var names = ctx.EmitMany("Split", [ctx.In(x), ctx.In(ctx.Ints(sizes))], sizes.Length, NodeAttribute.Of("axis", (long)axis));
        return names.Select((name, i) =>
        {
            var shape = (long[])s.Clone();
            shape[axis] = sizes[i];
            return (object?)new TensorValue(name, x.DataType, shape);
        }).ToList();
    }
}
