using Microsoft.ML.OnnxRuntime;

namespace ModelBuild.Core.Exporters.Ort;

/// <summary>
/// Writes the ORT format (<c>.ort</c>) through ONNX Runtime itself, as <c>convert_onnx_models_to_ort.py</c> does:
/// a session with <see cref="SessionOptions.OptimizedModelFilePath"/> and
/// <c>session.save_model_format=ORT</c>. The graph optimization level is BASIC: its rewrites (constant folding,
/// redundant node elimination, simple fusions) are the same on every CPU and execution provider, so the file is
/// portable; EXTENDED/ALL would bake in this machine's kernels (NCHWc layouts) and are never used here.
/// </summary>
public static class OrtWriter
{
    /// <summary>Converts <paramref name="onnxPath"/> to <paramref name="ortPath"/> and returns the header facts.</summary>
    public static OrtFormatInfo Write(string onnxPath, string ortPath)
    {
        if (!ortPath.EndsWith(OrtLayout.Extension, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"ORT picks the saved format by extension; '{ortPath}' must end in {OrtLayout.Extension}", nameof(ortPath));
        try
        {
            using var options = new SessionOptions
            {
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_BASIC,
                OptimizedModelFilePath = ortPath,
                // One thread and sequential execution: the saved graph must not depend on this machine's core count.
                IntraOpNumThreads = 1,
                InterOpNumThreads = 1,
                ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
                LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL,
            };
            options.AddSessionConfigEntry(OrtLayout.SaveModelFormatKey, OrtLayout.SaveModelFormatOrt);
            using var session = new InferenceSession(onnxPath, options);
        }
        catch (OnnxRuntimeException ex)
        {
            throw OrtThrowHelper.ConversionFailed(onnxPath, ex.Message, ex);
        }
        if (!File.Exists(ortPath))
            throw OrtThrowHelper.ConversionFailed(onnxPath, "ONNX Runtime wrote no file");
        return OrtFormatInfo.Read(ortPath);
    }
}
