using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::permute(Tensor(a) self, int[] dims) -&gt; Tensor(a)</c> → ONNX <c>Transpose(perm=dims)</c>.</summary>
public static class Permute
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        var dims = call.Ints("dims").Select(d => (long)LoweringContext.Axis(d, x.Rank)).ToArray();
        return Transpose(ctx, x, dims);
    }

    internal static TensorValue Transpose(LoweringContext ctx, TensorValue x, long[] perm)
    {
        long[]? shape = x.Shape is null ? null : perm.Select(p => x.Shape[p]).ToArray();
        return ctx.Emit("Transpose", [ctx.In(x)], x.DataType, shape, NodeAttribute.Of("perm", perm));
    }
}
