using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelBuild.Tasks;

/// <summary>
/// The artifact kinds <c>Targets</c> may name and the file each one becomes. The task predicts these names
/// before the converter runs so that <c>Inputs</c>/<c>Outputs</c> can decide staleness without running it.
/// </summary>
internal static class TargetFormats
{
    public const string Onnx = "onnx";

    private static readonly Dictionary<string, string> Extensions = new(StringComparer.Ordinal)
    {
        ["onnx"] = ".onnx",
        ["ort"] = ".ort",
        ["tflite"] = ".tflite",
        ["openvino"] = ".xml",
        ["coreml"] = ".mlmodel",
        ["tensorrt"] = ".engine",
    };

    /// <summary>In DESIGN's order, for messages.</summary>
    public static IReadOnlyList<string> Known { get; } = new[] { "onnx", "ort", "tflite", "openvino", "coreml", "tensorrt" };

    public static bool IsKnown(string target) => Extensions.ContainsKey(target);

    public static string ExtensionOf(string target) => Extensions[target];

    /// <summary>Splits <c>onnx;ort</c> or <c>onnx,ort</c> into lower-case names, keeping order, dropping repeats.</summary>
    public static IReadOnlyList<string> Split(string text) =>
        text.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Trim().ToLowerInvariant())
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
}
