using NuGet.Versioning;

namespace ModelBuild.Tasks.Locking;

/// <summary>
/// An item's <c>ConverterVersions</c> (DESIGN, <em>Lock file</em>): a NuGet version range such as
/// <c>[1.4,1.5)</c>. When both the locked converter version and this build's fall inside it, a converter
/// change alone is not drift — a patch release need not force every lock to be rewritten. Artifacts are
/// still compared byte for byte, so a release that changes what it produces is still caught (MBLD4004).
/// </summary>
internal static class ConverterVersionRange
{
    /// <summary>Null when the text is a valid range (or empty); otherwise why not, for MBLD1212.</summary>
    public static string? Validate(string range)
    {
        if (string.IsNullOrWhiteSpace(range)) return null;
        return VersionRange.TryParse(range.Trim(), out _) ? null : $"ConverterVersions=\"{range.Trim()}\" is not a NuGet version range (e.g. [1.4,1.5) or 1.4.0)";
    }

    public static bool Accepts(string range, string lockedVersion, string currentVersion)
    {
        if (string.IsNullOrWhiteSpace(range) || !VersionRange.TryParse(range.Trim(), out var parsed)) return false;
        return NuGetVersion.TryParse(lockedVersion, out var locked) && NuGetVersion.TryParse(currentVersion, out var current)
            && parsed.Satisfies(locked) && parsed.Satisfies(current);
    }

    /// <summary>Appended to the toolchain message so a user sees why the range did not cover the change.</summary>
    public static string Explain(string range) =>
        string.IsNullOrWhiteSpace(range) ? " (an item's ConverterVersions=\"[x.y,x.z)\" accepts a range when the artifacts stay byte-identical)" : $" (outside ConverterVersions=\"{range.Trim()}\")";
}
