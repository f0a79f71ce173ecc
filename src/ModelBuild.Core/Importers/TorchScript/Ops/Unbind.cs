using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::unbind.int(Tensor(a -&gt; *) self, int dim=0) -&gt; Tensor(a)[]</c> → ONNX <c>Split</c> into size-1 parts,
/// each then <c>Squeeze</c>d on the dim. The dim must be static.
/// </summary>
public static class Unbind
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var (x, s, axis) = Splitting.StaticDim(call);
        var parts = Splitting.Emit(ctx, x, s, axis, Enumerable.Repeat(1L, (int)s[axis]).ToArray());
        long[] shape = [.. s[..axis], .. s[(axis + 1)..]];
        var axes = ctx.In(ctx.Ints(axis));
        return parts.Select(p => (object?)ctx.Emit("Squeeze", [ctx.In((TensorValue)p!), axes], x.DataType, shape)).ToList();
    }
}
