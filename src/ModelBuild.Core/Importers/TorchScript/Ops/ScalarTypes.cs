using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>PyTorch's <c>ScalarType</c> numbers (<c>dtype=6</c> in serialized code) as hub element types.</summary>
public static class ScalarTypes
{
    public static DataType ToDataType(long scalarType, BoundCall call) => scalarType switch
    {
        0 => DataType.UInt8, 1 => DataType.Int8, 2 => DataType.Int16, 3 => DataType.Int32, 4 => DataType.Int64,
        5 => DataType.Float16, 6 => DataType.Float32, 7 => DataType.Float64, 11 => DataType.Bool, 15 => DataType.BFloat16,
        _ => throw call.Unsupported($"ScalarType {scalarType} has no ONNX element type supported here."),
    };
}
