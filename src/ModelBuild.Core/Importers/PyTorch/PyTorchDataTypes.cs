using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.PyTorch;

/// <summary>torch storage type names to element types (research §4 table).</summary>
public static class PyTorchDataTypes
{
    public static DataType FromStorageType(string name) => name switch
    {
        "FloatStorage" => DataType.Float32,
        "HalfStorage" => DataType.Float16,
        "BFloat16Storage" => DataType.BFloat16,
        "DoubleStorage" => DataType.Float64,
        "CharStorage" => DataType.Int8,
        "ShortStorage" => DataType.Int16,
        "IntStorage" => DataType.Int32,
        "LongStorage" => DataType.Int64,
        "ByteStorage" => DataType.UInt8,
        "BoolStorage" => DataType.Bool,
        _ => DataType.Undefined,
    };
}
