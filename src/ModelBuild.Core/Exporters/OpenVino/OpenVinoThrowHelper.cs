using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.OpenVino;

/// <summary>The OpenVINO exporter's diagnostics: each names the node or layer, and the target.</summary>
internal static class OpenVinoThrowHelper
{
    public const string Target = "openvino";

    public static ModelBuildException UnsupportedOperator(string? path, Node node) =>
        new(DiagnosticCode.OpenVinoUnsupportedOperator, path,
            $"Operator '{(node.Domain.Length == 0 ? "" : node.Domain + ".")}{node.OpType}' (node '{node.Name}') cannot be converted for target '{Target}'.");

    public static ModelBuildException UnsupportedFeature(string? path, Node node, string what) =>
        new(DiagnosticCode.OpenVinoUnsupportedFeature, path, $"Operator '{node.OpType}' (node '{node.Name}') cannot be converted for target '{Target}': {what}.");

    public static ModelBuildException NotWritable(string path, Exception inner) =>
        new(DiagnosticCode.OutputNotWritable, path, $"The OpenVINO IR cannot be written: {inner.Message}", inner);

    public static ModelBuildException Invalid(DiagnosticCode code, string path, string message) => new(code, path, message);
}
