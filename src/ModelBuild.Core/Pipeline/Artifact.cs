namespace ModelBuild.Core.Pipeline;

/// <summary>One file a conversion produced, with the hash the lock file records.</summary>
public sealed record Artifact(string Target, string Path, long Size, string Sha256);
