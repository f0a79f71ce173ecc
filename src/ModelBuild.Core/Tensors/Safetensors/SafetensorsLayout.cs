namespace ModelBuild.Core.Tensors.Safetensors;

/// <summary>Fixed lengths and names of the safetensors format (huggingface/safetensors, format version 0.x).</summary>
public static class SafetensorsLayout
{
    /// <summary>The header starts with its own length as a little-endian unsigned 64-bit integer.</summary>
    public const int HeaderLengthPrefixBytes = 8;

    /// <summary>The reference writer pads the JSON header with spaces so the data section starts 8-aligned.</summary>
    public const int HeaderAlignment = 8;

    /// <summary>Same ceiling as the reference implementation's <c>MAX_HEADER_SIZE</c>.</summary>
    public const long DefaultMaxHeaderBytes = 100_000_000;

    /// <summary>The one top-level key that is not a tensor: free-form string-to-string metadata.</summary>
    public const string MetadataKey = "__metadata__";

    public const string DTypeKey = "dtype";
    public const string ShapeKey = "shape";
    public const string DataOffsetsKey = "data_offsets";
}
