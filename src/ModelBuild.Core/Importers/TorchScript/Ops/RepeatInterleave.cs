using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::repeat_interleave.self_int(Tensor self, int repeats, int? dim=None, *, int? output_size=None)</c> and
/// <c>.self_Tensor</c> with repeats known at conversion time → ONNX <c>Gather</c> on the dim with each index
/// repeated its count (0, 0, 1, 1, …); without a dim the input is flattened first, as PyTorch does. The dim must be
/// static. <c>repeat_interleave(Tensor repeats)</c> alone, whose length depends on the values, is MBLD2015.
/// </summary>
public static class RepeatInterleave
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        if (!call.Has("self")) throw call.Unsupported("repeat_interleave(repeats) has a length known only from the values; pass the tensor to repeat.");
        var x = call.Tensor("self");
        if (x.Shape is not { } s) throw call.Unsupported("the input rank must be known.");
        int axis;
        if (call.OptionalInt("dim") is long dim)
        {
            axis = LoweringContext.Axis(dim, Math.Max(s.Length, 1));
            if (axis < 0 || axis >= Math.Max(s.Length, 1)) throw call.Unsupported($"dim {dim} is out of range for a rank-{s.Length} tensor.");
        }
        else
        {
            long count = s.Any(d => d < 0) ? -1 : s.Aggregate(1L, (p, q) => p * q);
            x = ctx.Emit("Reshape", [ctx.In(x), ctx.In(ctx.Ints(-1))], x.DataType, [count]);
            s = x.Shape!;
            axis = 0;
        }
        if (s.Length == 0)
        {
            x = ctx.Emit("Reshape", [ctx.In(x), ctx.In(ctx.Ints(1))], x.DataType, [1]);
            s = [1];
        }
        if (s[axis] < 0) throw call.Unsupported($"dim {axis} must be static.");
        var counts = call["repeats"] switch
        {
            long l => Enumerable.Repeat(l, (int)s[axis]).ToArray(),
            TensorValue { Known: { } k } when k.Length == 1 => Enumerable.Repeat((long)k[0], (int)s[axis]).ToArray(),
            TensorValue { Known: { } k } when k.Length == s[axis] => k.Select(v => (long)v).ToArray(),
            _ => throw call.Unsupported("repeats must be an int or a tensor known at conversion time with one count or one per entry."),
        };
        if (counts.Any(c => c < 0)) throw call.Unsupported("repeats must not be negative.");
        var indices = counts.SelectMany((c, i) => Enumerable.Repeat((long)i, (int)c)).ToArray();
        var shape = (long[])s.Clone();
        shape[axis] = indices.Length;
        var index = new TensorValue(ctx.EmitConstant(indices.Select(v => (double)v).ToArray(), DataType.Int64, [indices.Length]), DataType.Int64, [indices.Length]);
        return ctx.Emit("Gather", [ctx.In(x), ctx.In(index)], x.DataType, shape, NodeAttribute.Of("axis", (long)axis));
    }
}
