using ModelBuild.Core.Diagnostics;

namespace ModelBuild.Core.Pipeline;

/// <summary>Artifact kinds a conversion can produce; names as written in <c>Targets</c> and <c>--targets</c>.</summary>
public static class Target
{
    public const string Onnx = "onnx";

    /// <summary>Every target name the contract knows; only <see cref="Available"/> ones are produced by this version.</summary>
    public static IReadOnlyList<string> Known { get; } = ["onnx", "ort", "tflite", "openvino", "coreml", "tensorrt"];

    /// <summary>What this version produces: ONNX, and every target with an exporter in <see cref="TargetExporters"/>.</summary>
    public static IReadOnlyList<string> Available { get; } = Known.Where(t => t == Onnx || TargetExporters.All.ContainsKey(t)).ToArray();

    public static IReadOnlyList<string> ParseList(string text)
    {
        var targets = text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.ToLowerInvariant())
            .Distinct()
            .ToArray();
        if (targets.Length == 0)
            throw new ModelBuildException(DiagnosticCode.InvalidOption, null, "--targets is empty; expected one or more of: " + string.Join(", ", Known));
        foreach (var target in targets)
        {
            if (!Known.Contains(target))
                throw new ModelBuildException(DiagnosticCode.InvalidOption, null, $"unknown target '{target}'; expected one or more of: {string.Join(", ", Known)}");
            if (!Available.Contains(target))
                throw new ModelBuildException(DiagnosticCode.UnsupportedFeature, null, $"target '{target}' is not produced by this version of ModelBuild (available: {string.Join(", ", Available)})");
        }
        return targets;
    }
}
