namespace ModelBuild.Core.Diagnostics;

/// <summary>Formats diagnostics in MSBuild's canonical error format, the only form the CLI writes them in.</summary>
public static class Diagnostic
{
    /// <summary><paramref name="severity"/> is "error" or "warning".</summary>
    public static string Format(string? file, string severity, DiagnosticCode code, string message)
    {
        // MSBuild's canonical parser ends the message at the line break; keep one diagnostic on one line.
        var oneLine = message.Replace("\r", " ").Replace("\n", " ");
        var origin = string.IsNullOrEmpty(file) ? "modelbuild" : file;
        return $"{origin}: {severity} {code.Id}: {oneLine}";
    }
}
