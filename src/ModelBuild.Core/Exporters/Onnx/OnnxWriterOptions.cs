namespace ModelBuild.Core.Exporters.Onnx;

/// <summary>How <see cref="OnnxWriter"/> lays out a model.</summary>
public sealed class OnnxWriterOptions
{
    /// <summary>
    /// Total initializer bytes above which weights go to an external data file. Models that would exceed
    /// protobuf's 2 GB limit always use external data, whatever this says.
    /// </summary>
    public long ExternalDataThreshold { get; init; } = OnnxLayout.DefaultExternalDataThreshold;

    /// <summary>Writes every initializer of at least 1 KiB externally regardless of size (tests, mmap-friendly output).</summary>
    public bool ForceExternalData { get; init; }

    /// <summary>The <c>producer_version</c> field; null means this assembly's version without the commit suffix.</summary>
    public string? ProducerVersion { get; init; }
}
