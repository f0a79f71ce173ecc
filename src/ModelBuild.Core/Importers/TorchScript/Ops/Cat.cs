using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::cat(Tensor[] tensors, int dim=0) -&gt; Tensor</c> → ONNX <c>Concat(axis=dim)</c>, inputs promoted to one type.</summary>
public static class Cat
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        if (call["dim"] is string) throw call.Unsupported("named dimensions are not supported.");
        var tensors = call.Tensors("tensors");
        if (tensors.Count == 0) throw call.Unsupported("cat of an empty list.");
        var type = LoweringContext.ResultType(tensors);
        var rank = tensors.First(t => t.Rank > 0).Rank;
        int axis = LoweringContext.Axis(call.Int("dim"), rank);
        // PyTorch skips legacy empty 1-D tensors in cat.
        var parts = tensors.Where(t => !(t.Shape is [0])).Select(t => ctx.Cast(t, type)).ToList();
        long[]? shape = null;
        if (parts.All(p => p.Shape is not null && p.Rank == rank))
        {
            shape = (long[])parts[0].Shape!.Clone();
            shape[axis] = parts.Any(p => p.Shape![axis] < 0) ? -1 : parts.Sum(p => p.Shape![axis]);
        }
        return ctx.Emit("Concat", parts.Select(ctx.In), type, shape, NodeAttribute.Of("axis", (long)axis));
    }
}
