using ModelBuild.Core.Diagnostics;

namespace ModelBuild.Core.Exporters.Onnx;

/// <summary>The writer's diagnostics, so every failure names the output file the same way.</summary>
internal static class OnnxThrowHelper
{
    public static ModelBuildException GraphInvalid(string path, string message) =>
        new(DiagnosticCode.OutputGraphInvalid, path, message);

    public static ModelBuildException NotWritable(string path, Exception inner) =>
        new(DiagnosticCode.OutputNotWritable, path, $"The ONNX model cannot be written: {inner.Message}", inner);
}
