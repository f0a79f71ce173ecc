using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::to</c> in all its overloads: <c>to.dtype(self, ScalarType dtype, …)</c> (what <c>x.long()</c>,
/// <c>x.float()</c>, <c>x.half()</c>, <c>x.bool()</c> trace to), <c>to.device(self, Device device, ScalarType dtype,
/// …)</c> (what <c>x.to(other)</c> traces to), <c>to.other(self, Tensor other, …)</c>, <c>to.dtype_layout</c> and
/// the scripted <c>to.prim_Device</c>/<c>prim_dtype</c>/<c>prim_other</c> → ONNX <c>Cast</c> to the target element
/// type (none when it is already that type). Devices, layouts, memory formats and copy flags do not change values.
/// ONNX Cast truncates floats toward zero and maps non-zero to true, as PyTorch does.
/// </summary>
public static class To
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        DataType? target = null;
        if (call.Has("other")) target = call.Tensor("other").DataType;
        else if (call.Has("dtype") && call.OptionalInt("dtype") is long dtype) target = ScalarTypes.ToDataType(dtype, call);
        return target is DataType type ? ctx.Cast(x, type) : x;
    }
}
