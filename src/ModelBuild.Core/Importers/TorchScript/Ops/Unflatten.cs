namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::unflatten.int(Tensor(a) self, int dim, int[] sizes) -&gt; Tensor(a)</c> → ONNX <c>Reshape</c>: the dim split
/// into sizes (one of them may be -1), the other dims kept (from the run-time shape where they are symbolic).
/// </summary>
public static class Unflatten
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (x.Shape is not { } s) throw call.Unsupported("the input rank must be known.");
        if (call["dim"] is string) throw call.Unsupported("named dimensions are not supported.");
        int axis = LoweringContext.Axis(call.Int("dim"), s.Length);
        if (axis < 0 || axis >= s.Length) throw call.Unsupported($"dim {call.Int("dim")} is out of range for a rank-{s.Length} tensor.");
        var sizes = call.Ints("sizes");
        if (sizes.Count(v => v == -1) > 1) throw call.Unsupported("at most one size may be -1.");
        var resolved = (long[])sizes.Clone();
        long known = sizes.Where(v => v != -1).Aggregate(1L, (p, q) => p * q);
        if (sizes.Contains(-1)) resolved[Array.IndexOf(sizes, -1L)] = s[axis] < 0 || known == 0 ? -1 : s[axis] / known;
        else if (s[axis] >= 0 && known != s[axis]) throw call.Unsupported($"sizes [{string.Join(", ", sizes)}] do not multiply to dim {axis}'s size {s[axis]}.");
        var items = new List<object?>();
        for (int i = 0; i < s.Length; i++)
        {
            if (i == axis) items.AddRange(sizes.Select(v => (object?)v));
            else items.Add(s[i] >= 0 ? s[i] : ctx.DimOf(x, i));
        }
        long[] shape = [.. s[..axis], .. resolved, .. s[(axis + 1)..]];
        return ctx.Emit("Reshape", [ctx.In(x), ctx.In(ctx.ShapeTensor(items))], x.DataType, shape);
    }
}
