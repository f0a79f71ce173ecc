using System.Diagnostics;
using ModelBuild.Core.Tensors;
using ModelBuild.Core.Tensors.Numpy;
using Xunit;

namespace ModelBuild.Tests.ArmNn;

/// <summary>
/// Arm NN's CpuRef backend (Debian python3-pyarmnn, libarmnn-cpuref-backend22) running a .tflite through run.py
/// beside this file: a second TFLite runtime, with its own parser and kernels, beside LiteRT.js. Compiled into the
/// Core and CLI test projects (linked), which each say where run.py is.
/// </summary>
internal static class ArmNnRunner
{
    private const string Python = "/usr/bin/python3";
    private const string CpuRefBackend = "/usr/lib/x86_64-linux-gnu/armnn22/Arm_CpuRef_backend.so";

    private static readonly Lazy<string?> Missing = new(Probe);

    /// <summary>Null when pyarmnn and its CpuRef backend are installed; else what is missing.</summary>
    public static string? UnavailableReason => Missing.Value;

    /// <summary>Runs the model on inputs already in its layout; the outputs in subgraph order, read into memory
    /// (the work folder may be deleted before they are compared).</summary>
    public static IReadOnlyList<TensorData> Run(string runnerScript, string tflitePath, IReadOnlyList<TensorData> inputs, string workFolder)
    {
        var files = new List<string>();
        for (int i = 0; i < inputs.Count; i++)
        {
            var file = Path.Combine(workFolder, $"armnn-in{i}.npy");
            NpyWriter.Write(file, inputs[i]);
            files.Add(file);
        }
        var outputFolder = Path.Combine(workFolder, "armnn-out");
        var (exit, error) = RunPython([runnerScript, tflitePath, outputFolder, .. files]);
        Assert.True(exit == 0, $"Arm NN runner failed ({exit}): {error}");
        return Directory.GetFiles(outputFolder, "output*.npy")
            .OrderBy(f => int.Parse(Path.GetFileNameWithoutExtension(f)["output".Length..], System.Globalization.CultureInfo.InvariantCulture))
            .Select(ReadIntoMemory)
            .ToArray();
    }

    private static TensorData ReadIntoMemory(string npyFile)
    {
        var read = NpyReader.Read(npyFile);
        return TensorData.FromBytes(read.ReadAllBytes(), DataType.Float32, read.Shape);
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
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out after 5 minutes");
        }
        return (process.ExitCode, stderr.Result + stdout.Result);
    }
}
