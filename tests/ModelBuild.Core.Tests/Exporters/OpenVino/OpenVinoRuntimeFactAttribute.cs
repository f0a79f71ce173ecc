using System.Diagnostics;

namespace ModelBuild.Core.Tests.Exporters.OpenVino;

/// <summary>
/// A fact that runs only where a real OpenVINO runtime is installed (Python's <c>openvino</c> module under
/// /usr/bin/python3 or python3 on PATH), and is reported as skipped with the reason otherwise.
/// </summary>
public sealed class OpenVinoRuntimeFactAttribute : FactAttribute
{
    public OpenVinoRuntimeFactAttribute()
    {
        if (Python is null)
            Skip = "No OpenVINO runtime here: neither /usr/bin/python3 nor python3 can 'import openvino' (no apt package or NuGet runtime is available on this CI image; see research/target_formats.md §2.5).";
    }

    /// <summary>A Python that imports openvino, or null.</summary>
    public static string? Python { get; } = FindPython();

    private static string? FindPython()
    {
        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                using var process = Process.Start(new ProcessStartInfo(candidate, ["-c", "import openvino"]) { RedirectStandardError = true, RedirectStandardOutput = true });
                if (process is null) continue;
                if (!process.WaitForExit(30_000)) { process.Kill(); continue; }
                if (process.ExitCode == 0) return candidate;
            }
            catch (System.ComponentModel.Win32Exception)
            {
            }
        }
        return null;
    }
}
