using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// The legacy <c>aten::_cast_Byte/Char/Short/Int/Long/Half/Float/Double(Tensor self, bool non_blocking=False)</c>
/// → ONNX <c>Cast</c>; the target type is in the op's name.
/// </summary>
public static class CastTo
{
    public static readonly string[] Names = ["_cast_Byte", "_cast_Char", "_cast_Short", "_cast_Int", "_cast_Long", "_cast_Half", "_cast_Float", "_cast_Double"];

    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var type = call.Schema.Name switch
        {
            "_cast_Byte" => DataType.UInt8, "_cast_Char" => DataType.Int8, "_cast_Short" => DataType.Int16, "_cast_Int" => DataType.Int32,
            "_cast_Long" => DataType.Int64, "_cast_Half" => DataType.Float16, "_cast_Float" => DataType.Float32, "_cast_Double" => DataType.Float64,
            var other => throw call.Unsupported($"{other} has no ONNX element type supported here."),
        };
        return ctx.Cast(call.Tensor("self"), type);
    }
}
