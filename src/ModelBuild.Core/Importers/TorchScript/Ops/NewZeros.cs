using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::new_zeros(Tensor self, SymInt[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None,
/// bool? pin_memory=None) -&gt; Tensor</c>: a tensor known at conversion time (static size, at most
/// <see cref="MaxElements"/> elements), so the slices and in-place <c>fill_</c>s that build it (Swin's attention mask)
/// fold; it becomes a <c>Constant</c> where a real op uses it.
/// </summary>
public static class NewZeros
{
    public const long MaxElements = 1 << 20;

    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var self = call.Tensor("self");
        var size = call.Ints("size");
        long count = 1;
        foreach (var d in size)
        {
            if (d < 0) throw call.Unsupported($"size [{string.Join(", ", size)}] has a negative entry.");
            count *= d;
            if (count > MaxElements) throw call.Unsupported($"size [{string.Join(", ", size)}] is above {MaxElements} elements for a tensor built at conversion time.");
        }
        var type = call.OptionalInt("dtype") is { } dtype ? ScalarTypes.ToDataType(dtype, call) : self.DataType;
        return new TensorValue(null, type, size, new double[count]);
    }
}
