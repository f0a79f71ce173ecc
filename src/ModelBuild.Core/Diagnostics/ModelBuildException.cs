namespace ModelBuild.Core.Diagnostics;

/// <summary>
/// A failure the user can act on: a diagnostic code, the file it concerns, and a message that names the
/// problem. The CLI prints it as one MSBuild canonical line and exits with <see cref="DiagnosticCode.Exit"/>.
/// </summary>
public sealed class ModelBuildException : Exception
{
    public ModelBuildException(DiagnosticCode code, string? file, string message, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        File = file;
    }

    public DiagnosticCode Code { get; }

    /// <summary>The model, reference or option file the problem is in; null when it is the command line.</summary>
    public string? File { get; }

    public ExitCode ExitCode => Code.Exit;

    /// <summary><c>file: error MBLD1101: message</c>, the form MSBuild's ToolTask turns into an error as is.</summary>
    public string ToCanonical() => Diagnostic.Format(File, "error", Code, Message);
}
