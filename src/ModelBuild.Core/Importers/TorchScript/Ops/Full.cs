using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::full(SymInt[] size, Scalar fill_value, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None,
/// bool? pin_memory=None) -&gt; Tensor</c>. A static size gives a tensor known at conversion time (at most
/// <see cref="NewZeros.MaxElements"/> elements), so <c>triu(full((L, L), -inf), 1)</c>, the causal mask
/// <c>nn.Transformer.generate_square_subsequent_mask</c> makes inside forward, folds into one constant; a symbolic size
/// gives <c>ConstantOfShape</c>. Without dtype the type follows fill_value (float32, int64 or bool), as PyTorch's does.
/// </summary>
public static class Full
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var fill = call["fill_value"];
        var type = call.OptionalInt("dtype") is { } dtype ? ScalarTypes.ToDataType(dtype, call)
            : fill switch { bool => DataType.Bool, long => DataType.Int64, _ => DataType.Float32 };
        double value = call.Double("fill_value");
        if (call.Shape("size") is { } symbolic)
        {
            var shape = ctx.ShapeTensor(symbolic);
            return ctx.Emit("ConstantOfShape", [ctx.In(shape)], type, symbolic.Select(d => d is long l ? l : -1).ToArray(),
                NodeAttribute.Of("value", LoweringContext.ConstantData([value], type, [1])));
        }
        var size = call.Ints("size");
        long count = 1;
        foreach (var d in size)
        {
            if (d < 0) throw call.Unsupported($"size [{string.Join(", ", size)}] has a negative entry.");
            count *= d;
            if (count > NewZeros.MaxElements) throw call.Unsupported($"size [{string.Join(", ", size)}] is above {NewZeros.MaxElements} elements for a tensor built at conversion time.");
        }
        return new TensorValue(null, type, size, Enumerable.Repeat(value, (int)count).ToArray());
    }
}
