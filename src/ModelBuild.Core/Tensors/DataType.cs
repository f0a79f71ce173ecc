namespace ModelBuild.Core.Tensors;

/// <summary>
/// Element types of the graph hub. The numeric values are ONNX's <c>TensorProto.DataType</c> numbers, so a
/// value converts to and from the wire form by a cast and never through a lookup table that could drift.
/// </summary>
public enum DataType
{
    Undefined = 0,
    Float32 = 1,
    UInt8 = 2,
    Int8 = 3,
    UInt16 = 4,
    Int16 = 5,
    Int32 = 6,
    Int64 = 7,
    String = 8,
    Bool = 9,
    Float16 = 10,
    Float64 = 11,
    UInt32 = 12,
    UInt64 = 13,
    BFloat16 = 16,
}
