namespace ModelBuild.Core.Exporters.OpenVino;

/// <summary>How <see cref="OpenVinoWriter"/> writes an IR.</summary>
public sealed class OpenVinoWriterOptions
{
    /// <summary>
    /// Store floating-point weights as f16 Consts, each followed by a <c>Convert</c> to f32 marked
    /// <c>decompression</c> (what <c>ovc</c> does by default). Off by default so the IR computes exactly what the
    /// ONNX model does and its back-translation can be compared at 1e-5.
    /// </summary>
    public bool CompressWeightsToFp16 { get; init; }

    /// <summary>The <c>&lt;net name&gt;</c>; null means the graph's name.</summary>
    public string? NetName { get; init; }
}
