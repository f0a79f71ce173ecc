namespace ModelBuild.Core.Exporters.TfLite;

/// <summary><c>TensorType</c> of the TFLite schema (a byte); only the types this writer emits.</summary>
public enum TfLiteTensorType : sbyte
{
    Float32 = 0,
    Float16 = 1,
    Int32 = 2,
    Int64 = 4,
}
