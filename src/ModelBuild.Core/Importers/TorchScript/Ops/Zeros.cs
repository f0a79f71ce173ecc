using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::zeros(SymInt[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? pin_memory=None)
/// -&gt; Tensor</c>: a static size gives a tensor known at conversion time (as <see cref="NewZeros"/>, so what is built
/// from it folds); a size with symbolic entries (a traced RNN's zero initial state, <c>[layers, int(batch), hidden]</c>
/// with the batch read from the input) becomes ONNX <c>ConstantOfShape</c> of the run-time shape. The default dtype is
/// float32, PyTorch's default.
/// </summary>
public static class Zeros
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var type = call.OptionalInt("dtype") is { } dtype ? ScalarTypes.ToDataType(dtype, call) : DataType.Float32;
        var symbolic = call.Shape("size");
        var size = symbolic is null ? call.Ints("size") : null;
        if (size is not null)
        {
            long count = 1;
            foreach (var d in size)
            {
                if (d < 0) throw call.Unsupported($"size [{string.Join(", ", size)}] has a negative entry.");
                count *= d;
                if (count > NewZeros.MaxElements) break;
            }
            if (count <= NewZeros.MaxElements) return new TensorValue(null, type, size, new double[count]);
        }
        var items = symbolic ?? size!.Select(d => (object?)d).ToArray();
        var shape = ctx.ShapeTensor(items);
        var value = LoweringContext.ConstantData([0], type, [1]);
        return ctx.Emit("ConstantOfShape", [ctx.In(shape)], type, items.Select(i => i is long l ? l : -1).ToArray(), NodeAttribute.Of("value", value));
    }
}
