using System.Diagnostics;

namespace ModelBuild.Cli.Tests;

/// <summary>
/// A fact that needs a Python with torch and numpy (<c>$MODELBUILD_PYTHON</c> or <c>/usr/bin/python3</c>); it is
/// reported as skipped, with the reason, where none is found, never silently passed.
/// </summary>
public sealed class PythonTorchFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Missing = new(Probe);

    public PythonTorchFactAttribute()
    {
        if (Missing.Value is { } reason) Skip = reason;
    }

    private static string? Probe()
    {
        var python = Environment.GetEnvironmentVariable("MODELBUILD_PYTHON") is { Length: > 0 } p ? p : "/usr/bin/python3";
        try
        {
            var info = new ProcessStartInfo(python) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add("import torch, numpy");
            using var process = Process.Start(info)!;
            if (!process.WaitForExit(120_000)) return $"{python} did not answer 'import torch, numpy' within 2 minutes";
            return process.ExitCode == 0 ? null : $"{python} cannot import torch and numpy (install python3-torch to run this test)";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"no Python at {python} ({e.Message}); install python3-torch to run this test";
        }
    }
}
