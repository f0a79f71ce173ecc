using System.Diagnostics;
using ModelBuild.Core.Tensors;
using ModelBuild.Core.Tensors.Numpy;

namespace ModelBuild.Core.Tests.Exporters.TfLite;

/// <summary>
/// Arm NN (Debian's python3-pyarmnn with the CpuRef backend) as a second, independent TFLite runtime beside
/// LiteRT.js: a different parser and different kernels reading the same file. Runs tests/armnn-runner/run.py.
/// </summary>
internal static class ArmNnCheck
{
    private const string Python = "/usr/bin/python3";
    private const string CpuRefBackend = "/usr/lib/x86_64-linux-gnu/armnn22/Arm_CpuRef_backend.so";

    public static string Script { get; } = Path.Combine(RepositoryRoot.Path, "tests", "armnn-runner", "run.py");

    public static string? UnavailableReason { get; } = Probe();

    /// <summary>Runs the model on inputs given in the model's layout; outputs in subgraph order.</summary>
    public static IReadOnlyList<TensorData> Run(string tflitePath, IReadOnlyList<TensorData> inputs, string workFolder)
    {
        var inputFiles = new List<string>();
        for (int i = 0; i < inputs.Count; i++)
        {
            var file = Path.Combine(workFolder, $"armnn-in{i}.npy");
            NpyWriter.Write(file, inputs[i]);
            inputFiles.Add(file);
        }
        var outputFolder = Path.Combine(workFolder, "armnn-out");
        var (exit, error) = RunPython([Script, tflitePath, outputFolder, .. inputFiles]);
        Assert.True(exit == 0, $"Arm NN runner failed ({exit}): {error}");
        return Directory.GetFiles(outputFolder, "output*.npy")
            .OrderBy(f => int.Parse(Path.GetFileNameWithoutExtension(f)["output".Length..], System.Globalization.CultureInfo.InvariantCulture))
            .Select(f => TensorData.FromBytes(NpyReader.Read(f).ReadAllBytes(), DataType.Float32, NpyReader.Read(f).Shape))
            .ToArray();
    }

    private static string? Probe()
    {
        if (!File.Exists(Python)) return $"{Python} not found (Debian's python3 with python3-pyarmnn runs the Arm NN check)";
        if (!File.Exists(CpuRefBackend)) return $"Arm NN's CpuRef backend is not installed ({CpuRefBackend}; apt-get install libarmnn-cpuref-backend22)";
        var (exit, _) = RunPython(["-c", "import pyarmnn"]);
        return exit == 0 ? null : "pyarmnn is not importable by /usr/bin/python3 (apt-get install python3-pyarmnn)";
    }

    private static (int Exit, string Error) RunPython(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out after 2 minutes");
        }
        return (process.ExitCode, stderr.Result + stdout.Result);
    }
}

/// <summary>A theory that needs Arm NN; skipped, with the reason, when pyarmnn or its CpuRef backend is missing.</summary>
public sealed class ArmNnTheoryAttribute : TheoryAttribute
{
    public ArmNnTheoryAttribute()
    {
        if (ArmNnCheck.UnavailableReason is { } reason) Skip = reason;
    }
}
