using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::full(SymInt[] size, Scalar fill_value, *, ScalarType? dtype=None, …) -&gt; Tensor</c>: fill_value in that
/// size (see <see cref="Filled"/>); without <c>dtype</c> the type follows the value (bool, int64, float32), as in PyTorch.
/// </summary>
public static class Full
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var inferred = call["fill_value"] switch { bool => DataType.Bool, long => DataType.Int64, _ => DataType.Float32 };
        return Filled.Of(ctx, call, Filled.Type(call, inferred), call.Double("fill_value"));
    }
}
