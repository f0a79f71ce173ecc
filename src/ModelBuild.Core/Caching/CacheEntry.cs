namespace ModelBuild.Core.Caching;

/// <summary>
/// What a successful conversion leaves in the cache: its artifacts, the diagnostics it printed (warnings are
/// replayed on a hit, so a near miss stays visible), and the report as the user would have read it.
/// </summary>
public sealed record CacheEntry(
    IReadOnlyList<CachedFile> Files,
    IReadOnlyList<string> Diagnostics,
    string ReportMarkdown,
    string? ReportJson);
