namespace ModelBuild.Core.Exporters;

/// <summary>One finished run of an external tool: exit code and its stdout and stderr, or why it did not start.</summary>
public sealed record ToolRun(int ExitCode, string Stdout, string Stderr, string? StartError = null, bool TimedOut = false)
{
    public bool Started => StartError is null;

    public bool Succeeded => Started && !TimedOut && ExitCode == 0;

    public string Output => Stdout + Stderr;

    /// <summary>The last non-empty lines of the output, on one line: what a diagnostic quotes.</summary>
    public string Tail(int lines)
    {
        var all = Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return all.Length == 0 ? "(no output)" : string.Join(" | ", all.TakeLast(lines));
    }
}
