namespace ModelBuild.Core.Verification;

/// <summary>What <see cref="Verifier.Verify"/> checks: a model, optionally against reference data.</summary>
public sealed record VerificationRequest(string ModelPath, ReferenceData? Reference, ToleranceSpec Tolerance)
{
    /// <summary>Seed of the inputs made when <see cref="Reference"/> is null (B.4: default 1, as Polygraphy).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// The path the report names when it differs from <see cref="ModelPath"/>: the pipeline verifies a staged
    /// file and moves it into place only after the gate passes, and a person wants to read the final path.
    /// </summary>
    public string? ReportedPath { get; init; }
}
