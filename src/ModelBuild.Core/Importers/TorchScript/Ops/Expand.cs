namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::expand(Tensor(a) self, SymInt[] size, *, bool implicit=False) -&gt; Tensor(a)</c> → ONNX <c>Expand</c>.
/// A -1 keeps the input's dim (passed to Expand as 1, which broadcasting keeps); sizes may be symbolic (ViT's class
/// token expanded to the batch, <c>expand(x.size(0), -1, -1)</c>), then the shape is built with Concat.
/// </summary>
public static class Expand
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        IReadOnlyList<object?> size = call.Shape("size") ?? call.Ints("size").Select(v => (object?)v).ToArray();
        if (x.Shape is not { } s) throw call.Unsupported("the input rank must be known.");
        if (size.Count < s.Length) throw call.Unsupported($"size has {size.Count} entries, fewer than the input's rank {s.Length}.");
        int lead = size.Count - s.Length;
        var shape = new long[size.Count];
        var target = new object?[size.Count];
        for (int i = 0; i < size.Count; i++)
        {
            long own = i >= lead ? s[i - lead] : 1;
            switch (size[i])
            {
                case -1L when i < lead: throw call.Unsupported($"size entry {i} is -1 for a new leading dim.");
                case -1L: shape[i] = own; target[i] = 1L; break;
                case long l: shape[i] = l; target[i] = l; break;
                default: shape[i] = -1; target[i] = size[i]; break;
            }
        }
        return ctx.Emit("Expand", [ctx.In(x), ctx.In(ctx.ShapeTensor(target))], x.DataType, shape);
    }
}
