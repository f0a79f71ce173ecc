using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>Shared by <see cref="Split"/>, <see cref="SplitWithSizes"/> and <see cref="Unbind"/>: one ONNX <c>Split</c> into given sizes on a static dim.</summary>
internal static class Splitting
{
    public static (TensorValue X, long[] Shape, int Axis) StaticDim(BoundCall call, string dimArgument = "dim")
    {
        var x = call.Tensor("self");
        if (x.Shape is not { } s) throw call.Unsupported("the input rank must be known.");
        if (call[dimArgument] is string) throw call.Unsupported("named dimensions are not supported.");
        int axis = LoweringContext.Axis(call.Int(dimArgument), s.Length);
        if (axis < 0 || axis >= s.Length) throw call.Unsupported($"dim {call.Int(dimArgument)} is out of range for a rank-{s.Length} tensor.");
        if (s[axis] < 0) throw call.Unsupported($"dim {axis} must be static to be split.");
        return (x, s, axis);
    }

    /// <summary>The parts, as a list of tensors (what <c>prim::ListUnpack</c> and indexing read).</summary>
    public static List<object?> Emit(LoweringContext ctx, TensorValue x, long[] s, int axis, IReadOnlyList<long> sizes)
    {
        if (sizes.Count == 1) return [x];
        var names = ctx.EmitMany("Split", [ctx.In(x), ctx.In(ctx.Ints([.. sizes]))], sizes.Count, NodeAttribute.Of("axis", (long)axis));
        return names.Select((name, i) =>
        {
            var shape = (long[])s.Clone();
            shape[axis] = sizes[i];
            return (object?)new TensorValue(name, x.DataType, shape);
        }).ToList();
    }
}
