using ModelBuild.Core.Diagnostics;

namespace ModelBuild.Core.Exporters.CoreMl;

/// <summary>One structural rule an ML Program package breaks.</summary>
public sealed record CoreMlValidationIssue(DiagnosticCode Code, string Message);
