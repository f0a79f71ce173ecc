namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::split_with_sizes(Tensor(a -&gt; *) self, SymInt[] split_sizes, int dim=0) -&gt; Tensor(a)[]</c> (what
/// <c>x.split([1, 3], 1)</c> traces to) → ONNX <c>Split</c> into those sizes, which must add up to the static dim.
/// </summary>
public static class SplitWithSizes
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var (x, s, axis) = Splitting.StaticDim(call);
        return Parts(ctx, call, x, s, axis, call.Ints("split_sizes"));
    }

    internal static List<object?> Parts(LoweringContext ctx, BoundCall call, TensorValue x, long[] s, int axis, long[] sizes)
    {
        if (sizes.Any(v => v < 0) || sizes.Sum() != s[axis])
            throw call.Unsupported($"split sizes [{string.Join(", ", sizes)}] do not add up to dim {axis}'s size {s[axis]}.");
        return Splitting.Emit(ctx, x, s, axis, sizes);
    }
}
