using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::select.int(Tensor(a) self, int dim, int index) -&gt; Tensor(a)</c> → ONNX <c>Gather</c> with a 0-dim index,
/// which drops the dim (ViT's class-token output, <c>x[:, 0]</c>). A negative index counts from the end. On a static
/// dim the result is a view (see <see cref="Views"/>): <c>y[:, 0] = 1.0</c> writes into <c>y</c>.
/// </summary>
public static class Select
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (x.Shape is not { } s) throw call.Unsupported("the input rank must be known.");
        int axis = LoweringContext.Axis(call.Int("dim"), s.Length);
        if (axis < 0 || axis >= s.Length) throw call.Unsupported($"dim {call.Int("dim")} is out of range for a rank-{s.Length} tensor.");
        long index = call.Int("index");
        if (s[axis] >= 0 && (index >= s[axis] || index < -s[axis])) throw call.Unsupported($"index {index} is out of range for size {s[axis]}.");
        var indices = ctx.In(ctx.Scalar(index, Tensors.DataType.Int64));
        long[] shape = [.. s[..axis], .. s[(axis + 1)..]];
        var selected = ctx.Emit("Gather", [ctx.In(x), indices], x.DataType, shape, NodeAttribute.Of("axis", (long)axis));
        if (s[axis] < 0) return selected;
        long first = index < 0 ? index + s[axis] : index;
        return Views.Of(selected, x, new ViewStep(axis, first, 1, 1, Drops: true));
    }
}
