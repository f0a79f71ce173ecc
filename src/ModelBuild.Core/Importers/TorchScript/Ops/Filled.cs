using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// Shared by <see cref="Zeros"/>, <see cref="Ones"/>, <see cref="Full"/>, <see cref="NewOnes"/> and
/// <see cref="NewFull"/>: a tensor of a given size filled with one value. As with <see cref="FilledLike"/>, small
/// static ones are known at conversion time; larger or symbolic sizes (<c>torch.zeros(x.size(0), 3)</c>) are ONNX
/// <c>ConstantOfShape</c>.
/// </summary>
internal static class Filled
{
    public static TensorValue Of(LoweringContext ctx, BoundCall call, DataType type, double value)
    {
        if (!LoweringContext.IsFloating(type)) value = type is DataType.Bool ? (value != 0 ? 1 : 0) : Math.Truncate(value);
        IReadOnlyList<object?> items = call.Shape("size") ?? call.Ints("size").Select(v => (object?)v).ToArray();
        if (items.Any(i => i is long l && l < 0)) throw call.Unsupported($"size has a negative entry.");
        long[] shape = items.Select(i => i is long l ? l : -1).ToArray();
        if (shape.All(d => d >= 0) && shape.Aggregate(1L, (p, q) => p * q) is var count && count <= FilledLike.MaxKnownElements)
            return new TensorValue(null, type, shape, Enumerable.Repeat(value, (int)count).ToArray());
        var constantType = type is DataType.Float32 or DataType.Float64 or DataType.Int64 or DataType.Int32 or DataType.Bool ? type : DataType.Float32;
        var filled = ctx.Emit("ConstantOfShape", [ctx.In(ctx.ShapeTensor(items))], constantType, shape,
            NodeAttribute.Of("value", LoweringContext.ConstantData([value], constantType, [1])));
        return ctx.Cast(filled, type);
    }

    /// <summary><c>dtype</c> when given, else <paramref name="fallback"/>.</summary>
    public static DataType Type(BoundCall call, DataType fallback) =>
        call.OptionalInt("dtype") is long dtype ? ScalarTypes.ToDataType(dtype, call) : fallback;
}
