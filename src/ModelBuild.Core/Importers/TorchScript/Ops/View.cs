using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::view(Tensor(a) self, SymInt[] size) -&gt; Tensor(a)</c> and <c>aten::reshape(Tensor(a) self, SymInt[] shape)
/// -&gt; Tensor(a)</c> → ONNX <c>Reshape</c> with a constant shape (a -1 is resolved from the static size when known).
/// </summary>
public static class View
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        var argument = call.Has("size") ? "size" : "shape";
        if (call.Shape(argument) is { } symbolic) return SymbolicReshape(ctx, x, symbolic);
        var target = call.Ints(argument);
        return Reshape(ctx, x, target, call);
    }

    /// <summary>
    /// A target with run-time entries (<c>view(x.size(0), -1)</c> with a symbolic batch): the shape is built with
    /// Concat. Its static form has -1 there; a -1 entry is still inferred when x has one unknown dim and the target
    /// one symbolic entry (the batch carried through), since the known dims then account for the rest.
    /// </summary>
    internal static TensorValue SymbolicReshape(LoweringContext ctx, TensorValue x, IReadOnlyList<object?> target)
    {
        var shape = target.Select(t => t is long l ? l : -1L).ToArray();
        int infer = target.ToList().FindIndex(t => t is -1L);
        int symbolic = target.Count(t => t is SymIntValue);
        if (infer >= 0 && symbolic == 1 && x.Shape is { } s && s.Count(d => d < 0) == 1)
        {
            long known = s.Where(d => d >= 0).Aggregate(1L, (a, b) => a * b);
            long rest = target.Where(t => t is long l && l != -1).Cast<long>().Aggregate(1L, (a, b) => a * b);
            if (rest > 0 && known % rest == 0) shape[infer] = known / rest;
        }
        return ctx.Emit("Reshape", [ctx.In(x), ctx.In(ctx.ShapeTensor(target))], x.DataType, shape);
    }

    internal static TensorValue Reshape(LoweringContext ctx, TensorValue x, long[] target, BoundCall call, long[]? knownShape = null)
    {
        var shape = knownShape ?? (long[])target.Clone();
        int infer = Array.IndexOf(shape, -1L);
        if (knownShape is null && infer >= 0 && x.IsStatic)
        {
            long total = x.Shape!.Aggregate(1L, (a, b) => a * b);
            long rest = shape.Where((d, i) => i != infer).Aggregate(1L, (a, b) => a * b);
            if (rest == 0 || total % rest != 0) throw call.Unsupported($"shape [{string.Join(", ", target)}] does not fit {total} elements.");
            shape[infer] = total / rest;
        }
        if (x.Name is null && x.Known is not null) return new TensorValue(null, x.DataType, shape, x.Known);
        return ctx.Emit("Reshape", [ctx.In(x), ctx.In(ctx.Ints(target))], x.DataType, shape);
    }
}
