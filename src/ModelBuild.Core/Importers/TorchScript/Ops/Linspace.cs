using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::linspace(Scalar start, Scalar end, int? steps=None, *, ScalarType? dtype=None, …) -&gt; Tensor</c> with
/// known bounds: a tensor known at conversion time, start + i · (end − start) / (steps − 1), float32 unless
/// <c>dtype</c> says otherwise (integer types truncate, as PyTorch's do).
/// </summary>
public static class Linspace
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        double start = call.Double("start"), end = call.Double("end");
        long steps = call.OptionalInt("steps") ?? throw call.Unsupported("steps must be given.");
        if (steps < 0 || steps > NewZeros.MaxElements) throw call.Unsupported($"steps {steps} is out of range (0 to {NewZeros.MaxElements}).");
        var type = call.OptionalInt("dtype") is long dtype ? ScalarTypes.ToDataType(dtype, call) : DataType.Float32;
        var values = new double[steps];
        double delta = steps > 1 ? (end - start) / (steps - 1) : 0;
        for (long i = 0; i < steps; i++) values[i] = steps == 1 ? start : start + i * delta;
        if (!LoweringContext.IsFloating(type)) values = values.Select(Math.Truncate).ToArray();
        return new TensorValue(null, type, [steps], values);
    }
}
