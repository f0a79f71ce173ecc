using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::t(Tensor(a) self) -&gt; Tensor(a)</c>: 0-D and 1-D unchanged, 2-D → ONNX <c>Transpose(perm=[1, 0])</c>.</summary>
public static class T
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (x.Rank is 0 or 1) return x;
        if (x.Rank != 2) throw call.Unsupported("t() expects a tensor of at most 2 dims.");
        return Permute.Transpose(ctx, x, [1, 0]);
    }
}
