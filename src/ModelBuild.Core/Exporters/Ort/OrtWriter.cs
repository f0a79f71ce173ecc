using Microsoft.ML.OnnxRuntime;
using ModelBuild.Core.Diagnostics;

namespace ModelBuild.Core.Exporters.Ort;

/// <summary>
/// Writes the ORT format (<c>.ort</c>) through ONNX Runtime itself, as <c>convert_onnx_models_to_ort.py</c> does:
/// a session with <see cref="SessionOptions.OptimizedModelFilePath"/> and
/// <c>session.save_model_format=ORT</c>. The graph optimization level is BASIC: its rewrites (constant folding,
/// redundant node elimination, simple fusions) are the same on every CPU and execution provider, so the file is
/// portable; EXTENDED/ALL would bake in this machine's kernels (NCHWc layouts) and are never used here.
/// ONNX Runtime's file is then put in canonical order (<see cref="OrtCanonicalizer"/>): as saved, part of it is
/// laid out in an order that changes from process to process.
/// </summary>
public static class OrtWriter
{
    /// <summary>Suffix of ONNX Runtime's own file beside the artifact, before it is put in canonical order.</summary>
    private const string UnorderedSuffix = ".unordered" + OrtLayout.Extension;

    /// <summary>Converts <paramref name="onnxPath"/> to <paramref name="ortPath"/> and returns the header facts.</summary>
    public static OrtFormatInfo Write(string onnxPath, string ortPath)
    {
        if (!ortPath.EndsWith(OrtLayout.Extension, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"ORT picks the saved format by extension; '{ortPath}' must end in {OrtLayout.Extension}", nameof(ortPath));
        var unordered = ortPath + UnorderedSuffix;
        try
        {
            SaveUnordered(onnxPath, unordered);
            OrtCanonicalizer.Canonicalize(unordered, ortPath);
            return OrtFormatInfo.Read(ortPath);
        }
        catch (ModelBuildException)
        {
            // A file that failed its checks is no artifact: leave nothing a later step could pick up.
            File.Delete(ortPath);
            throw;
        }
        finally
        {
            File.Delete(unordered);
        }
    }

    /// <summary>ONNX Runtime's own save, before canonical order; internal so tests can compare the two.</summary>
    internal static void SaveUnordered(string onnxPath, string ortPath)
    {
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
    }
}
