using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>prim::NumToTensor.Scalar(Scalar a) -&gt; Tensor</c>: the 0-dim tensor traces make of a size. It stays a value
/// known at conversion time (int64 or float64), so <c>int(…)</c> and arithmetic on it fold; it becomes a
/// <c>Constant</c> only if a real op uses it. A symbolic size (<see cref="SymIntValue"/>) is its 0-dim int64 value.
/// </summary>
public static class NumToTensor
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => call["a"] switch
    {
        long l => new TensorValue(null, DataType.Int64, [], [l]),
        SymIntValue s => s.Value,
        double d => new TensorValue(null, DataType.Float64, [], [d]),
        bool b => new TensorValue(null, DataType.Bool, [], [b ? 1 : 0]),
        _ => throw call.Unsupported("the number must be known at conversion time."),
    };
}
