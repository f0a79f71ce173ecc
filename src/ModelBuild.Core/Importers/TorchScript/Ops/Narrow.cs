namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::narrow(Tensor(a) self, int dim, SymInt start, SymInt length) -&gt; Tensor(a)</c> → ONNX <c>Slice</c>
/// [start, start + length) on the dim (a negative start counts from the end). Start and length must be known.
/// </summary>
public static class Narrow
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (x.Shape is not { } s) throw call.Unsupported("the input rank must be known.");
        int axis = LoweringContext.Axis(call.Int("dim"), s.Length);
        if (axis < 0 || axis >= s.Length) throw call.Unsupported($"dim {call.Int("dim")} is out of range for a rank-{s.Length} tensor.");
        long start = call.Int("start"), length = call.Int("length");
        if (start < 0)
        {
            if (s[axis] < 0) throw call.Unsupported("a negative start needs a static dim.");
            start += s[axis];
        }
        if (length < 0 || (s[axis] >= 0 && start + length > s[axis]))
            throw call.Unsupported($"start {start} and length {length} do not fit dim {axis} of size {s[axis]}.");
        var shape = (long[])s.Clone();
        shape[axis] = length;
        return ctx.Emit("Slice", [ctx.In(x), ctx.In(ctx.Ints(start)), ctx.In(ctx.Ints(start + length)), ctx.In(ctx.Ints(axis))], x.DataType, shape);
    }
}
