using ModelBuild.Core.Tensors;
using ModelBuild.Tests.ArmNn;

namespace ModelBuild.Core.Tests.Exporters.TfLite;

/// <summary>Where the Core tests find the Arm NN runner script (tests/armnn-runner/run.py).</summary>
internal static class ArmNnCheck
{
    public static string Script { get; } = Path.Combine(RepositoryRoot.Path, "tests", "armnn-runner", "run.py");

    /// <summary>Runs the model on inputs given in the model's layout; outputs in subgraph order.</summary>
    public static IReadOnlyList<TensorData> Run(string tflitePath, IReadOnlyList<TensorData> inputs, string workFolder) =>
        ArmNnRunner.Run(Script, tflitePath, inputs, workFolder);
}

/// <summary>A theory that needs Arm NN; skipped, with the reason, when pyarmnn or its CpuRef backend is missing.</summary>
public sealed class ArmNnTheoryAttribute : TheoryAttribute
{
    public ArmNnTheoryAttribute()
    {
        if (ArmNnRunner.UnavailableReason is { } reason) Skip = reason;
    }
}
