using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelBuild.Tasks;

/// <summary>
/// The artifact kinds <c>Targets</c> may name and the files each one becomes, as the converter names them
/// (<c>&lt;stem&gt;&lt;extension&gt;</c> plus companions). The task predicts these names before the converter
/// runs so that <c>Inputs</c>/<c>Outputs</c> can decide staleness without running it.
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
        ["coreml"] = ".mlpackage",
        ["tensorrt"] = ".engine",
    };

    // Files a target writes beside its main artifact: OpenVINO IR keeps its weights in .bin, a TensorRT
    // engine carries the profile and versions it was built for in .engine.json.
    private static readonly Dictionary<string, string[]> CompanionExtensions = new(StringComparer.Ordinal)
    {
        ["openvino"] = new[] { ".bin" },
        ["tensorrt"] = new[] { ".engine.json" },
    };

    /// <summary>In DESIGN's order, for messages.</summary>
    public static IReadOnlyList<string> Known { get; } = new[] { "onnx", "ort", "tflite", "openvino", "coreml", "tensorrt" };

    public static bool IsKnown(string target) => Extensions.ContainsKey(target);

    public static string ExtensionOf(string target) => Extensions[target];

    public static IReadOnlyList<string> CompanionsOf(string target) =>
        CompanionExtensions.TryGetValue(target, out var companions) ? companions : new string[0];

    /// <summary>Core ML's .mlpackage is a folder; every other artifact is a file.</summary>
    public static bool IsFolder(string target) => target == "coreml";

    /// <summary>Splits <c>onnx;ort</c> or <c>onnx,ort</c> into lower-case names, keeping order, dropping repeats.</summary>
    public static IReadOnlyList<string> Split(string text) =>
        text.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Trim().ToLowerInvariant())
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
}
