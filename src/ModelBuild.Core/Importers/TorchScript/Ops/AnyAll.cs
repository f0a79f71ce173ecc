using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// Shared by <see cref="Any"/> and <see cref="All"/>: the input as bool (non-zero), then as int32 for ONNX
/// <c>ReduceMax</c>/<c>ReduceMin</c> (which take no bool), and the result back to bool.
/// </summary>
internal static class AnyAll
{
    public static TensorValue Lower(LoweringContext ctx, BoundCall call, string reduce)
    {
        var x = call.Tensor("self");
        if (call.Has("dim") && call["dim"] is string) throw call.Unsupported("named dimensions are not supported.");
        var flags = ctx.Cast(ctx.Cast(x, DataType.Bool), DataType.Int32);
        var reduced = Reductions.Emit(ctx, reduce, flags, Reductions.Axes(call, x), Reductions.KeepDim(call));
        return ctx.Cast(reduced, DataType.Bool);
    }
}
