namespace ModelBuild.Core.Diagnostics;

/// <summary>The <c>modelbuild</c> exit codes fixed by the design's command contract.</summary>
public enum ExitCode
{
    Success = 0,
    GateFailed = 1,
    InvalidInput = 2,
    Unsupported = 3,
    Internal = 4,
}
