namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::split.Tensor(Tensor(a -&gt; *) self, SymInt split_size, int dim=0) -&gt; Tensor(a)[]</c> (parts of
/// split_size, the last one smaller) and <c>aten::split.sizes(…, SymInt[] split_size, int dim=0)</c> (given sizes,
/// which must add up to the dim) → ONNX <c>Split</c> on a static dim.
/// </summary>
public static class Split
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var (x, s, axis) = Splitting.StaticDim(call);
        var name = call.Has("split_size") ? "split_size" : "split_sizes";
        if (call[name] is List<object?> or TupleValue) return SplitWithSizes.Parts(ctx, call, x, s, axis, call.Ints(name));
        long each = call.Int(name);
        if (each <= 0) throw call.Unsupported($"split_size must be positive, not {each}.");
        var sizes = new List<long>();
        for (long start = 0; start < s[axis] || sizes.Count == 0; start += each) sizes.Add(Math.Min(each, s[axis] - start));
        return Splitting.Emit(ctx, x, s, axis, sizes);
    }
}
