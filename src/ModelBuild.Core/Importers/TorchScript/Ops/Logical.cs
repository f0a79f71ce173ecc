using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// Shared by the logical and bitwise lowerings. Logical ops read any operand as bool (non-zero); bitwise ops are
/// the same ONNX ops on bool tensors, while on integers they need ONNX's Bitwise* ops, which arrive in opset 18
/// (the graph is opset 17): MBLD2015.
/// </summary>
internal static class Logical
{
    public static TensorValue Binary(LoweringContext ctx, BoundCall call, string opType, bool bitwise)
    {
        var left = call["self"];
        var right = call["other"];
        if (bitwise && LoweringContext.ResultType([left, right]) is not DataType.Bool)
            throw call.Unsupported("bitwise ops are supported on bool tensors only (ONNX opset 17 has no bitwise integer ops).");
        var a = ctx.Cast(ctx.AsTensor(left, DataType.Bool, call, "self"), DataType.Bool);
        var b = ctx.Cast(ctx.AsTensor(right, DataType.Bool, call, "other"), DataType.Bool);
        return ctx.Emit(opType, [ctx.In(a), ctx.In(b)], DataType.Bool, LoweringContext.Broadcast(a.Shape, b.Shape));
    }

    public static TensorValue Not(LoweringContext ctx, BoundCall call, bool bitwise)
    {
        var x = call.Tensor("self");
        if (bitwise && x.DataType is not DataType.Bool)
            throw call.Unsupported("bitwise_not is supported on bool tensors only (ONNX opset 17 has no bitwise integer ops).");
        return ctx.Unary("Not", ctx.Cast(x, DataType.Bool));
    }
}
