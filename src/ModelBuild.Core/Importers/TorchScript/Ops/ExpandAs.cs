using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::expand_as(Tensor(a) self, Tensor other) -&gt; Tensor(a)</c> → ONNX <c>Expand</c> to other's shape (a
/// constant when static, else <c>Shape(other)</c>).
/// </summary>
public static class ExpandAs
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        var other = call.Tensor("other");
        if (other.Shape is not { } s) throw call.Unsupported("other's rank must be known.");
        var shape = other.IsStatic ? ctx.Ints(s) : ctx.Emit("Shape", [ctx.In(other)], DataType.Int64, [s.Length]);
        return ctx.Emit("Expand", [ctx.In(x), ctx.In(shape)], x.DataType, s);
    }
}
