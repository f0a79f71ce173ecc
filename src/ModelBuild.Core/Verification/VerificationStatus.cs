namespace ModelBuild.Core.Verification;

/// <summary>The verdict of a verification.</summary>
public enum VerificationStatus
{
    /// <summary>Every reference output exists and matches within tolerance.</summary>
    Passed,

    /// <summary>An output differs, is missing, has NaN/Inf, or the model could not run.</summary>
    Failed,

    /// <summary>No reference data: the model ran on seeded inputs without NaN/Inf, but equivalence with the source was not checked.</summary>
    NotChecked,
}
