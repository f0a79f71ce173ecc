namespace ModelBuild.Core.Importers.Onnx;

/// <summary>
/// Protobuf wire-format constants the reader needs to walk an ONNX file without Google.Protobuf. Field numbers
/// come from the generated classes (<c>ModelProto.GraphFieldNumber</c> …) so they cannot drift from the schema.
/// </summary>
internal static class OnnxLayout
{
    public const int WireVarint = 0;
    public const int WireFixed64 = 1;
    public const int WireLengthDelimited = 2;
    public const int WireStartGroup = 3;
    public const int WireEndGroup = 4;
    public const int WireFixed32 = 5;

    /// <summary>A 64-bit varint takes at most 10 bytes; a longer one is corrupt, not merely large.</summary>
    public const int MaxVarintBytes = 10;

    /// <summary>
    /// Everything but the top-level initializers' raw_data is parsed in memory by Google.Protobuf, which reads
    /// messages up to 2 GB; beyond that the file is not one ONNX can produce.
    /// </summary>
    public const long MaxBufferedBytes = int.MaxValue;

    /// <summary>Read-ahead for the wire walk: enough to make tag and varint reads cheap, small enough to not matter.</summary>
    public const int ReadBufferSize = 64 * 1024;

    public const string ExternalLocationKey = "location";
    public const string ExternalOffsetKey = "offset";
    public const string ExternalLengthKey = "length";
}
