using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::transpose.int(Tensor(a) self, int dim0, int dim1) -&gt; Tensor(a)</c> → ONNX <c>Transpose</c> swapping two axes.</summary>
public static class Transpose
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (x.Rank < 0) throw call.Unsupported("the input rank must be known.");
        if (call["dim0"] is string) throw call.Unsupported("named dimensions are not supported.");
        int a = LoweringContext.Axis(call.Int("dim0"), x.Rank), b = LoweringContext.Axis(call.Int("dim1"), x.Rank);
        var perm = Enumerable.Range(0, x.Rank).Select(i => (long)i).ToArray();
        (perm[a], perm[b]) = (perm[b], perm[a]);
        return a == b ? x : Permute.Transpose(ctx, x, perm);
    }
}
