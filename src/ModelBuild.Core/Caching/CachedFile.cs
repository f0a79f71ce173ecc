namespace ModelBuild.Core.Caching;

/// <summary>One artifact file kept in a cache entry, with the digest it is checked against on restore.</summary>
public sealed record CachedFile(string Name, string Target, long Size, string Sha256);
