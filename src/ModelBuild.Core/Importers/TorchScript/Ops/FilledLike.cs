using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// Shared by <see cref="ZerosLike"/>, <see cref="OnesLike"/> and <see cref="FullLike"/>: a tensor of the input's
/// shape filled with one value, of <c>dtype</c> or the input's type. Small static ones are known at conversion time
/// (they fold, and writes into their slices stay constant, as with <c>new_zeros</c>); others are ONNX
/// <c>ConstantOfShape</c> of the input's shape, so no big constant lands in the file.
/// </summary>
internal static class FilledLike
{
    /// <summary>Up to this many elements the result is known at conversion time.</summary>
    public const long MaxKnownElements = 4096;

    public static TensorValue Lower(LoweringContext ctx, BoundCall call, double value)
    {
        var x = call.Tensor("self");
        var type = call.OptionalInt("dtype") is long dtype ? ScalarTypes.ToDataType(dtype, call) : x.DataType;
        if (x.Shape is not { } s) throw call.Unsupported("the input rank must be known.");
        if (!LoweringContext.IsFloating(type)) value = type is DataType.Bool ? (value != 0 ? 1 : 0) : Math.Truncate(value);
        if (x.IsStatic && s.Aggregate(1L, (p, q) => p * q) is var count && count <= MaxKnownElements)
            return new TensorValue(null, type, s, Enumerable.Repeat(value, (int)count).ToArray());
        var shape = x.IsStatic ? ctx.Ints(s) : ctx.Emit("Shape", [ctx.In(x)], DataType.Int64, [s.Length]);
        // ConstantOfShape's value is a one-element tensor of the output type; build it in a type constants support, then cast.
        var constantType = type is DataType.Float32 or DataType.Float64 or DataType.Int64 or DataType.Int32 or DataType.Bool ? type : DataType.Float32;
        var filled = ctx.Emit("ConstantOfShape", [ctx.In(shape)], constantType, s,
            NodeAttribute.Of("value", LoweringContext.ConstantData([value], constantType, [1])));
        return ctx.Cast(filled, type);
    }
}
