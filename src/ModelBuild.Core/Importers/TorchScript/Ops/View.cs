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
        var target = call.Ints(call.Has("size") ? "size" : "shape");
        return Reshape(ctx, x, target, call);
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
