using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Exporters;

/// <summary>
/// Runs a target artifact in a runtime for the target's own format (LiteRT.js for a .tflite), taking and giving
/// tensors in the ONNX graph's layout and names, so the pipeline can compare it with ONNX Runtime on the ONNX
/// artifact. Exporters hand one out in <see cref="TargetExport.Runner"/>; the pipeline does the comparing.
/// </summary>
public interface IArtifactRunner
{
    /// <summary>The runtime and its version as reports show it: <c>litert.js 2.5.3</c>.</summary>
    string Runtime { get; }

    /// <summary>
    /// Input shapes the artifact was written with, by ONNX input name, in ONNX layout; null for a dynamic
    /// artifact. Input sets whose shapes differ cannot be fed and are left out of the comparison.
    /// </summary>
    IReadOnlyDictionary<string, IReadOnlyList<long>>? FixedInputShapes { get; }

    /// <summary>Runs every input set (ONNX names and layout) and returns each set's outputs, named as the ONNX outputs.</summary>
    IReadOnlyList<IReadOnlyList<NamedTensor>> Run(IReadOnlyList<IReadOnlyList<NamedTensor>> inputSets);
}
