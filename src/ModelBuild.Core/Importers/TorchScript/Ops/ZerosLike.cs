using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::zeros_like(Tensor self, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None,
/// bool? pin_memory=None, MemoryFormat? memory_format=None) -&gt; Tensor</c>: zeros of self's shape and of dtype (self's
/// type when None). A static shape of at most <see cref="NewZeros.MaxElements"/> elements gives a known constant; a
/// symbolic one (a batch-sized attention mask) or a bigger one gives <c>ConstantOfShape(Shape(self))</c>.
/// </summary>
public static class ZerosLike
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        var type = call.OptionalInt("dtype") is long dtype ? ScalarTypes.ToDataType(dtype, call) : x.DataType;
        if (x.Shape is null) throw call.Unsupported("the input rank must be known.");
        // Small static ones are known, so what is written into them folds; big ones stay a node, not a host array.
        if (x.IsStatic && x.Shape.Aggregate(1L, (a, b) => a * b) is var count && count <= NewZeros.MaxElements)
            return new TensorValue(null, type, x.Shape, new double[count]);
        var shape = ctx.Emit("Shape", [ctx.In(x)], DataType.Int64, [x.Rank]);
        return ctx.Emit("ConstantOfShape", [ctx.In(shape)], type, x.Shape, NodeAttribute.Of("value", LoweringContext.ConstantData([0.0], type, [1])));
    }
}
