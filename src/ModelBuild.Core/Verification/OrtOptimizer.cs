using Microsoft.ML.OnnxRuntime;
using ModelBuild.Core.Diagnostics;

namespace ModelBuild.Core.Verification;

/// <summary>
/// ONNX Runtime's offline optimizer: loading a session with <see cref="SessionOptions.OptimizedModelFilePath"/>
/// makes ORT write the optimized graph. Only the BASIC level is offered: its rewrites (constant folding,
/// redundant node removal) are hardware independent, unlike the EXTENDED/ALL fusions that bake in the CPU's
/// kernels (B.3: re-check the result with <see cref="Verifier.CompareModels"/>).
/// </summary>
public static class OrtOptimizer
{
    /// <summary>
    /// Writes <paramref name="outputOnnx"/> through a temporary file in the same folder and a rename, so a
    /// reader never sees half a model and a failure leaves nothing behind.
    /// </summary>
    public static void OptimizeBasic(string inputOnnx, string outputOnnx)
    {
        if (!File.Exists(inputOnnx))
            throw new ModelBuildException(DiagnosticCode.FileNotFound, inputOnnx, $"model '{inputOnnx}' does not exist.");
        var folder = Path.GetDirectoryName(Path.GetFullPath(outputOnnx))!;
        // ORT picks the output format from the extension (.ort → ORT format), so the temp name keeps it.
        var temp = Path.Combine(folder, $".{Path.GetFileNameWithoutExtension(outputOnnx)}.{Guid.NewGuid():N}.tmp{Path.GetExtension(outputOnnx)}");
        try
        {
            using (var options = OnnxRuntimeRunner.CreateOptions(GraphOptimizationLevel.ORT_ENABLE_BASIC))
            {
                options.OptimizedModelFilePath = temp;
                using var session = new InferenceSession(inputOnnx, options);
            }
            if (!File.Exists(temp))
                throw new ModelBuildException(DiagnosticCode.OptimizationFailed, inputOnnx, "ONNX Runtime wrote no optimized model.");
            File.Move(temp, outputOnnx, overwrite: true);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new ModelBuildException(DiagnosticCode.OptimizationFailed, inputOnnx, $"ONNX Runtime could not optimize the model: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new ModelBuildException(DiagnosticCode.OptimizationFailed, outputOnnx, $"the optimized model could not be written: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new ModelBuildException(DiagnosticCode.OptimizationFailed, outputOnnx, $"the optimized model could not be written: {ex.Message}", ex);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
