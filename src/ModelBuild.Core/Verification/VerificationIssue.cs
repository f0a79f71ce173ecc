using ModelBuild.Core.Diagnostics;

namespace ModelBuild.Core.Verification;

/// <summary>
/// A finding that is not an element comparison: a missing output, a dtype contract break, NaN/Inf on seeded
/// inputs, a run failure. <see cref="Set"/> and <see cref="Output"/> are null when the issue is not tied to one.
/// </summary>
public sealed record VerificationIssue(DiagnosticCode Code, string? Set, string? Output, string Message);
