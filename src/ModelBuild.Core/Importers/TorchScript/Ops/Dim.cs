using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::dim(Tensor self) -&gt; int</c>: the rank, evaluated at conversion time.</summary>
public static class Dim
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        return x.Shape is null ? throw call.Unsupported("the input rank is not known.") : (long)x.Rank;
    }
}
