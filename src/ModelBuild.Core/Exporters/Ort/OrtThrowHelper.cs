using ModelBuild.Core.Diagnostics;

namespace ModelBuild.Core.Exporters.Ort;

/// <summary>The ORT format target's failures, each naming the file and what was expected.</summary>
internal static class OrtThrowHelper
{
    public static ModelBuildException ConversionFailed(string onnxPath, string reason, Exception? inner = null) =>
        new(DiagnosticCode.TargetFailed, onnxPath, $"target 'ort': ONNX Runtime could not convert the model to ORT format: {reason}", inner);

    public static ModelBuildException NotOrtFormat(string ortPath, long offset, string expected, string actual) =>
        new(DiagnosticCode.TargetFailed, ortPath, $"target 'ort': the written file is not ORT format at offset {offset}: expected {expected}, found {actual}");

    /// <summary>
    /// A well-formed file laid out in a way the canonical rewrite was not built for (a field or an object order
    /// that a newer ONNX Runtime might use): refusing is safer than writing a file that merely looks right.
    /// </summary>
    public static ModelBuildException UnexpectedLayout(string ortPath, long offset, string what) =>
        new(DiagnosticCode.TargetFailed, ortPath, $"target 'ort': the file ONNX Runtime wrote cannot be put in canonical order at offset {offset}: {what}");
}
