namespace ModelBuild.Core.Exporters.Onnx;

/// <summary>Sizes and names that fix the layout of written ONNX files and their external data.</summary>
internal static class OnnxLayout
{
    /// <summary>Protobuf cannot parse a message of 2 GB or more (signed 32-bit sizes), so no model file may reach it.</summary>
    public const long MaxModelFileBytes = int.MaxValue;

    /// <summary>Default for <see cref="OnnxWriterOptions.ExternalDataThreshold"/>: beyond 1 GiB of weights, separate files load faster (mmap).</summary>
    public const long DefaultExternalDataThreshold = 1L << 30;

    /// <summary>
    /// Tensors below this stay inline even in external mode, as onnx's own converter does: tiny shape and
    /// scalar constants are read during graph optimisation and a file access each would only slow loading.
    /// </summary>
    public const long MinExternalTensorBytes = 1024;

    /// <summary>External tensors start on page boundaries so a runtime can memory-map each one directly.</summary>
    public const long ExternalAlignment = 4096;

    /// <summary>Appended to the model's file name: <c>model.onnx</c> → <c>model.onnx.data</c>.</summary>
    public const string ExternalDataSuffix = ".data";

    public const string ProducerName = "ModelBuild";

    public const string ExternalLocationKey = "location";
    public const string ExternalOffsetKey = "offset";
    public const string ExternalLengthKey = "length";

    public const int CopyBufferSize = 1 << 20;
}
