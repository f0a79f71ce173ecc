using ModelBuild.Core.Diagnostics;

namespace ModelBuild.Core.Exporters.OpenVino;

/// <summary>One rule of OpenVINO's IR reader that a file breaks.</summary>
public sealed record OpenVinoValidationIssue(DiagnosticCode Code, string Message);
