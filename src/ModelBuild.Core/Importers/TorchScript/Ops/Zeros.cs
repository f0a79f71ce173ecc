using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::zeros(SymInt[] size, *, ScalarType? dtype=None, …) -&gt; Tensor</c>: zeros, float32 unless <c>dtype</c> says otherwise (see <see cref="Filled"/>).</summary>
public static class Zeros
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => Filled.Of(ctx, call, Filled.Type(call, DataType.Float32), 0);
}
