using System.Diagnostics;

namespace ModelBuild.Cli.Tests.Torchvision;

/// <summary>
/// Traces the torchvision architectures once per test run: tests/fixtures/torchvision/generate.py, run with the
/// Python that has torch and torchvision (<c>$MODELBUILD_PYTHON</c> or <c>/usr/bin/python3</c>), writes
/// <c>&lt;arch&gt;.pt</c> and <c>&lt;arch&gt;.ref.npz</c> (batch 1 and batch 3 sets) into a temporary folder removed at
/// the end. Generation is lazy: a run where every test is skipped never starts Python.
/// </summary>
public sealed class TorchvisionFixture : IDisposable
{
    private readonly Lazy<string> _folder;

    public TorchvisionFixture() => _folder = new Lazy<string>(Generate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The Python the tier uses.</summary>
    public static string Python => Environment.GetEnvironmentVariable("MODELBUILD_PYTHON") is { Length: > 0 } p ? p : "/usr/bin/python3";

    /// <summary>Why the tier cannot run here (no Python, or no torch/torchvision), or null when it can.</summary>
    public static string? MissingReason => Missing.Value;

    private static readonly Lazy<string?> Missing = new(Probe);

    /// <summary>The folder holding every generated architecture, generating them on first use.</summary>
    public string Folder => _folder.Value;

    public string Model(string architecture) => Path.Combine(Folder, architecture + ".pt");

    public string Reference(string architecture) => Path.Combine(Folder, architecture + ".ref.npz");

    private static string Generate()
    {
        var folder = Path.Combine(Path.GetTempPath(), "modelbuild-torchvision", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var info = new ProcessStartInfo(Python) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(CliRunner.Fixture("torchvision/generate.py"));
        info.ArgumentList.Add(folder);
        // Every architecture some test of the tier uses, once (the TFLite tier also covers the ONNX tier's skipped rows).
        foreach (var architecture in TorchvisionConversionTests.Converted.Union(TorchvisionTfLiteTests.Architectures, StringComparer.Ordinal))
            info.ArgumentList.Add(architecture);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(15 * 60_000)) throw new TimeoutException("the torchvision generator ran for more than 15 minutes");
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"the torchvision generator failed (exit {process.ExitCode}):\n{stdout}\n{stderr.Result}");
        return folder;
    }

    private static string? Probe()
    {
        try
        {
            var info = new ProcessStartInfo(Python) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add("import torch, torchvision, numpy");
            using var process = Process.Start(info)!;
            if (!process.WaitForExit(120_000)) return $"{Python} did not answer 'import torch, torchvision, numpy' within 2 minutes";
            return process.ExitCode == 0 ? null : $"{Python} cannot import torch, torchvision and numpy (install python3-torch and python3-torchvision to run the torchvision tier)";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"no Python at {Python} ({e.Message}); install python3-torch and python3-torchvision to run the torchvision tier";
        }
    }

    public void Dispose()
    {
        if (!_folder.IsValueCreated) return;
        try { Directory.Delete(_folder.Value, recursive: true); } catch (IOException) { }
    }
}
