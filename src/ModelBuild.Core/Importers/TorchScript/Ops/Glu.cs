using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::glu(Tensor self, int dim=-1) -&gt; Tensor</c>: the input split in two halves a, b on <c>dim</c> (ONNX
/// <c>Split</c>), then a · sigmoid(b). The dim must be static and even.
/// </summary>
public static class Glu
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (x.Shape is not { } s) throw call.Unsupported("the input rank must be known.");
        int axis = LoweringContext.Axis(call.Int("dim"), s.Length);
        if (axis < 0 || axis >= s.Length) throw call.Unsupported($"dim {call.Int("dim")} is out of range for a rank-{s.Length} tensor.");
        if (s[axis] < 0 || s[axis] % 2 != 0) throw call.Unsupported($"dim {axis} has size {s[axis]}; it must be static and even.");
        var half = (long[])s.Clone();
        half[axis] /= 2;
        var parts = ctx.EmitMany("Split", [ctx.In(x), ctx.In(ctx.Ints(half[axis], half[axis]))], 2, NodeAttribute.Of("axis", (long)axis));
        var gate = ctx.Unary("Sigmoid", new TensorValue(parts[1], x.DataType, half));
        return ctx.Emit("Mul", [parts[0], ctx.In(gate)], x.DataType, half);
    }
}
