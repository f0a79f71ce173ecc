using ModelBuild.Core.Diagnostics;

namespace ModelBuild.Core.Exporters.TensorRt;

/// <summary>The TensorRT target's failures, each naming the target, the file and what trtexec said.</summary>
internal static class TensorRtThrowHelper
{
    public static ModelBuildException BuildFailed(string source, string trtexec, int exitCode, string tail) =>
        new(DiagnosticCode.TargetFailed, source, $"target 'tensorrt': '{trtexec}' exited with code {exitCode} building the engine: {tail}");

    public static ModelBuildException NoEngine(string source, string trtexec, string engine) =>
        new(DiagnosticCode.TargetFailed, source, $"target 'tensorrt': '{trtexec}' exited with code 0 but wrote no engine at '{engine}'");

    public static ModelBuildException TimedOut(string source, string tool, TimeSpan timeout) =>
        new(DiagnosticCode.TargetFailed, source, $"target 'tensorrt': '{tool}' did not finish within {timeout.TotalMinutes:0} minutes and was stopped");

    public static ModelBuildException Fp16NeedsFp16Onnx(string source, TensorRtVersion version) =>
        new(DiagnosticCode.TargetFailed, source,
            $"target 'tensorrt': TensorRT {version} builds strongly typed networks only (no --fp16); an fp16 engine needs an fp16 ONNX artifact (--precision fp16)");

    public static ModelBuildException InvalidProfile(string text, string reason) =>
        new(DiagnosticCode.InvalidOption, null, $"--trt-profile '{text}': {reason}; expected 'dim=min,opt,max;…' with 1 ≤ min ≤ opt ≤ max");

    public static ModelBuildException UnknownInputDim(string source, string input, int axis) =>
        new(DiagnosticCode.TargetFailed, source, $"target 'tensorrt': input '{input}' has an unnamed unknown dim at axis {axis}; declare it with --input (e.g. 'batch') so a profile can cover it");
}
