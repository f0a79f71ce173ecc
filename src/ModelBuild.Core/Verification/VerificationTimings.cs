namespace ModelBuild.Core.Verification;

/// <summary>Wall times in milliseconds; kept apart from the rest of the report, which is deterministic.</summary>
public sealed record VerificationTimings(double LoadMs, double RunMs, double CompareMs, double TotalMs);
