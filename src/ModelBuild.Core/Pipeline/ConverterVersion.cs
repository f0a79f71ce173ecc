using System.Reflection;

namespace ModelBuild.Core.Pipeline;

/// <summary>The converter's SemVer version, as recorded in artifacts' producer field and in lock entries.</summary>
public static class ConverterVersion
{
    public static string Current { get; } = Read();

    private static string Read()
    {
        var informational = typeof(ConverterVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        // The SDK appends "+<commit>"; the commit is not part of the version a lock compares.
        var plus = informational.IndexOf('+');
        return plus < 0 ? informational : informational[..plus];
    }
}
