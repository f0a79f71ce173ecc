using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.CoreMl;

/// <summary>The Core ML exporter's diagnostics: each names the node and the target.</summary>
internal static class CoreMlThrowHelper
{
    public const string Target = "coreml";

    public static ModelBuildException UnsupportedOperator(string? path, Node node) =>
        new(DiagnosticCode.CoreMlUnsupportedOperator, path,
            $"Operator '{(node.Domain.Length == 0 ? "" : node.Domain + ".")}{node.OpType}' (node '{node.Name}') cannot be converted for target '{Target}'.");

    public static ModelBuildException UnsupportedFeature(string? path, Node? node, string what) =>
        new(DiagnosticCode.CoreMlUnsupportedFeature, path, node is null
            ? $"The model cannot be converted for target '{Target}': {what}."
            : $"Operator '{node.OpType}' (node '{node.Name}') cannot be converted for target '{Target}': {what}.");

    public static ModelBuildException NotWritable(string path, Exception inner) =>
        new(DiagnosticCode.OutputNotWritable, path, $"The Core ML package cannot be written: {inner.Message}", inner);
}
