using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::roll(Tensor self, int[1] shifts, int[1] dims=[]) -&gt; Tensor</c>: per dim, the last shift elements moved to
/// the front → two ONNX <c>Slice</c>s and a <c>Concat</c> (Swin's shifted windows). Rolled dims must be static;
/// rolling the flattened tensor (no dims) is MBLD2015.
/// </summary>
public static class Roll
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        var shifts = call.Ints("shifts");
        var dims = call.Ints("dims");
        if (dims.Length == 0) throw call.Unsupported("rolling the flattened tensor (no dims) is not supported.");
        if (dims.Length != shifts.Length) throw call.Unsupported($"{shifts.Length} shifts for {dims.Length} dims.");
        if (x.Shape is not { } s) throw call.Unsupported("the input rank must be known.");
        var result = x;
        for (int i = 0; i < dims.Length; i++)
        {
            int axis = LoweringContext.Axis(dims[i], s.Length);
            if (axis < 0 || axis >= s.Length) throw call.Unsupported($"dim {dims[i]} is out of range for a rank-{s.Length} tensor.");
            long n = s[axis];
            if (n < 0) throw call.Unsupported($"dim {axis} must be static to be rolled.");
            if (n == 0) continue;
            long shift = ((shifts[i] % n) + n) % n;
            if (shift == 0) continue;
            TensorValue Part(long start, long end) =>
                ctx.Emit("Slice", [ctx.In(result), ctx.In(ctx.Ints(start)), ctx.In(ctx.Ints(end)), ctx.In(ctx.Ints(axis))], result.DataType, null);
            var tail = Part(n - shift, n);
            var head = Part(0, n - shift);
            result = ctx.Emit("Concat", [ctx.In(tail), ctx.In(head)], x.DataType, s, NodeAttribute.Of("axis", (long)axis));
        }
        return result;
    }
}
