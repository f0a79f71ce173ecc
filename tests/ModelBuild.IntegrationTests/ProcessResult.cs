namespace ModelBuild.IntegrationTests;

/// <summary>What a finished process left: its exit code, its interleaved stdout and stderr, and how long it took.</summary>
internal sealed record ProcessResult(int ExitCode, string Output, TimeSpan Elapsed)
{
    public override string ToString() => $"exit code {ExitCode} after {Elapsed.TotalSeconds:0.0} s:\n{Output}";
}
