using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.TfLite;

/// <summary>The TFLite writer's diagnostics, each naming the target, the operator and the node it concerns.</summary>
internal static class TfLiteThrowHelper
{
    public const string Target = "tflite";

    public static ModelBuildException UnsupportedOperator(string? file, Node node, string? why = null) =>
        new(DiagnosticCode.TfLiteUnsupportedOperator, file,
            $"Operator {Describe(node)} cannot be expressed in target '{Target}'{(why is null ? "" : ": " + why)}. The other targets are unaffected.");

    public static ModelBuildException UnsupportedAttribute(string? file, Node node, string why) =>
        new(DiagnosticCode.TfLiteUnsupportedAttribute, file,
            $"Operator {Describe(node)} uses a form target '{Target}' cannot express: {why}.");

    public static ModelBuildException DynamicShape(string? file, string value, string why) =>
        new(DiagnosticCode.TfLiteDynamicShape, file,
            $"Value '{value}' has no static shape for target '{Target}': {why}. Give symbolic dimensions a size (TfLiteWriterOptions.DimensionSizes).");

    public static ModelBuildException UnsupportedDataType(string? file, string value, string dtype) =>
        new(DiagnosticCode.TfLiteUnsupportedDataType, file,
            $"Value '{value}' has element type {dtype}, which target '{Target}' does not support yet (float32 tensors only).");

    public static ModelBuildException TooLarge(string? file, long bytes) =>
        new(DiagnosticCode.TfLiteTooLarge, file,
            $"The model needs {bytes} bytes as a flatbuffer, beyond the {TfLiteLayout.MaxFileBytes}-byte limit of target '{Target}' (32-bit offsets).");

    public static ModelBuildException NotWritable(string path, Exception inner) =>
        new(DiagnosticCode.OutputNotWritable, path, $"The TFLite model cannot be written: {inner.Message}", inner);

    public static string Describe(Node node) =>
        node.Name.Length > 0 ? $"'{node.OpType}' (node '{node.Name}')" : $"'{node.OpType}' (producing '{node.Outputs.FirstOrDefault()}')";
}
