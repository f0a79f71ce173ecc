using System.ComponentModel;
using System.Diagnostics;

namespace ModelBuild.Core.Exporters;

/// <summary>Runs an external tool with an argument list (never a shell string), captures its output, and stops it at a timeout.</summary>
public static class ExternalTool
{
    public static ToolRun Run(string executable, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            return new ToolRun(-1, "", "", ex.Message);
        }
        // Both streams are read concurrently: a tool that fills one pipe while we wait on the other would hang.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new ToolRun(-1, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult(), TimedOut: true);
        }
        process.WaitForExit();
        return new ToolRun(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}
