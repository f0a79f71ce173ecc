namespace ModelBuild.Core.Exporters.TfLite;

/// <summary>How <see cref="TfLiteWriter"/> lowers and stores a model.</summary>
public sealed class TfLiteWriterOptions
{
    /// <summary>
    /// Store float weights as float16 buffers, each followed by a DEQUANTIZE to float32 (TFLite's "float16
    /// quantization"): half the size, outputs within about 1e-3 of float32 instead of 1e-5.
    /// </summary>
    public bool Fp16Weights { get; init; }

    /// <summary>
    /// Expose rank-4 graph inputs and outputs in NHWC instead of ONNX's NCHW. Off by default: the file then has
    /// the ONNX model's interface, with a TRANSPOSE at entry and exit where the inside runs NHWC. On, callers feed
    /// NHWC and the boundary transposes disappear; <see cref="TfLiteWriteResult.Inputs"/> says which layout each
    /// tensor has.
    /// </summary>
    public bool NhwcInputsOutputs { get; init; }

    /// <summary>
    /// Sizes for symbolic dimensions by name (<c>batch</c> → 4). TFLite runtimes want static shapes (LiteRT.js
    /// refuses a concrete tensor for a -1 signature), so every symbolic or unknown dimension gets a size:
    /// from here, else <see cref="DefaultDimensionSize"/>.
    /// </summary>
    public IReadOnlyDictionary<string, long> DimensionSizes { get; init; } = new Dictionary<string, long>();

    /// <summary>Size of a symbolic dimension not named in <see cref="DimensionSizes"/>; 1 by default (batch 1).</summary>
    public long DefaultDimensionSize { get; init; } = 1;

    /// <summary>The model's <c>description</c> field.</summary>
    public string Description { get; init; } = "ModelBuild";
}
