using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::chunk(Tensor(a -&gt; *) self, int chunks, int dim=0) -&gt; Tensor(a)[]</c> → ONNX <c>Split</c> with PyTorch's
/// sizes: ceil(n / chunks) each, the last one smaller, fewer chunks when they run out (ShuffleNet's channel split).
/// The split dim must be static.
/// </summary>
public static class Chunk
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        long chunks = call.Int("chunks");
        if (chunks <= 0) throw call.Unsupported($"chunks must be positive, not {chunks}.");
        if (x.Shape is not { } s) throw call.Unsupported("the input rank must be known.");
        int axis = LoweringContext.Axis(call.Int("dim"), s.Length);
        if (axis < 0 || axis >= s.Length) throw call.Unsupported($"dim {call.Int("dim")} is out of range for a rank-{s.Length} tensor.");
        if (s[axis] < 0) throw call.Unsupported($"dim {axis} must be static to be chunked.");
        long each = Math.Max(1, (s[axis] + chunks - 1) / chunks);
        var sizes = new List<long>();
        for (long start = 0; start < s[axis]; start += each) sizes.Add(Math.Min(each, s[axis] - start));
        var names = ctx.EmitMany("Split", [ctx.In(x), ctx.In(ctx.Ints([.. sizes]))], sizes.Count, NodeAttribute.Of("axis", (long)axis));
        return names.Select((name, i) =>
        {
            var shape = (long[])s.Clone();
            shape[axis] = sizes[i];
            return (object?)new TensorValue(name, x.DataType, shape);
        }).ToList();
    }
}
