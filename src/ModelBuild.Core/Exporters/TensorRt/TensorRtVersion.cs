using System.Globalization;
using System.Text.RegularExpressions;

namespace ModelBuild.Core.Exporters.TensorRt;

/// <summary>
/// A TensorRT version as trtexec reports it. The banner (<c>&amp;&amp;&amp;&amp; RUNNING TensorRT.trtexec [TensorRT v100300]</c>)
/// carries <c>NV_TENSORRT_VERSION</c>, whose encoding changed in 10.0: major·1000 + minor·100 + patch before
/// (8601 = 8.6.1), major·10000 + minor·100 + patch from 10 on (100300 = 10.3.0, 110400 = 11.4.0).
/// </summary>
public sealed partial record TensorRtVersion(int Major, int Minor, int Patch) : IComparable<TensorRtVersion>
{
    /// <summary>The first version in trtexec output, banner form or dotted (<c>TensorRT 10.3.0</c>); null when there is none.</summary>
    public static TensorRtVersion? Parse(string output)
    {
        var banner = Banner().Match(output);
        if (banner.Success) return FromEncoded(long.Parse(banner.Groups[1].Value, CultureInfo.InvariantCulture));
        var dotted = Dotted().Match(output);
        if (!dotted.Success) return null;
        return new TensorRtVersion(
            int.Parse(dotted.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(dotted.Groups[2].Value, CultureInfo.InvariantCulture),
            dotted.Groups[3].Success ? int.Parse(dotted.Groups[3].Value, CultureInfo.InvariantCulture) : 0);
    }

    public static TensorRtVersion FromEncoded(long encoded) => encoded >= 100000
        ? new TensorRtVersion((int)(encoded / 10000), (int)(encoded / 100 % 100), (int)(encoded % 100))
        : new TensorRtVersion((int)(encoded / 1000), (int)(encoded / 100 % 10), (int)(encoded % 100));

    public int CompareTo(TensorRtVersion? other) =>
        other is null ? 1 : (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));

    public bool IsAtLeast(int major, int minor) => (Major, Minor).CompareTo((major, minor)) >= 0;

    public override string ToString() => $"{Major}.{Minor}.{Patch}";

    [GeneratedRegex(@"TensorRT v(\d{4,6})\b")]
    private static partial Regex Banner();

    [GeneratedRegex(@"TensorRT[ -]v?(\d{1,2})\.(\d{1,2})(?:\.(\d{1,3}))?")]
    private static partial Regex Dotted();
}
