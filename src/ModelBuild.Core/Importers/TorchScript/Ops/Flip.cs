namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::flip(Tensor self, int[] dims) -&gt; Tensor</c> → ONNX <c>Slice</c> with step −1 from the last entry past
/// the first (end = int64 min, which ONNX clamps to before index 0) on each dim.
/// </summary>
public static class Flip
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (x.Shape is not { } s) throw call.Unsupported("the input rank must be known.");
        var axes = call.Ints("dims").Select(d => (long)LoweringContext.Axis(d, s.Length)).Distinct().ToArray();
        if (axes.Any(a => a < 0 || a >= s.Length)) throw call.Unsupported($"dims [{string.Join(", ", call.Ints("dims"))}] are out of range for a rank-{s.Length} tensor.");
        if (axes.Length == 0) return x;
        var starts = ctx.Ints(axes.Select(_ => -1L).ToArray());
        var ends = ctx.Ints(axes.Select(_ => long.MinValue).ToArray());
        var steps = ctx.Ints(axes.Select(_ => -1L).ToArray());
        return ctx.Emit("Slice", [ctx.In(x), ctx.In(starts), ctx.In(ends), ctx.In(ctx.Ints(axes)), ctx.In(steps)], x.DataType, s);
    }
}
