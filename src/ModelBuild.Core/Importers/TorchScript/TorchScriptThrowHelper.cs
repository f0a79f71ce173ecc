using ModelBuild.Core.Diagnostics;

namespace ModelBuild.Core.Importers.TorchScript;

/// <summary>
/// Builds the importer's diagnostics. Every message names the code file inside the archive and the line, so a
/// user (or a bug report) can find the statement: <c>code/__torch__.py:12: …</c>.
/// </summary>
public static class TorchScriptThrowHelper
{
    public static ModelBuildException At(DiagnosticCode code, string? archive, SourceLocation where, string message) =>
        new(code, archive, $"{where}: {message}");

    public static ModelBuildException Syntax(string? archive, string codePath, int line, string message) =>
        At(DiagnosticCode.TorchScriptSyntax, archive, new SourceLocation(codePath, line), message);

    public static ModelBuildException UnsupportedOperator(string? archive, SourceLocation where, string op) =>
        At(DiagnosticCode.UnsupportedOperator, archive, where, $"operator {op} is not supported yet (no ONNX lowering).");
}

/// <summary>A line of a code file in the archive, as diagnostics print it.</summary>
public readonly record struct SourceLocation(string CodePath, int Line)
{
    public override string ToString() => $"{CodePath}:{Line}";
}
