using System.Globalization;

namespace ModelBuild.Core.Verification;

/// <summary>
/// Number formats of reports and messages. Invariant culture everywhere: a report must read the same on every
/// machine, and a tolerance hint must paste back into an option that <see cref="ToleranceSpec.Parse"/> accepts.
/// </summary>
internal static class NumberText
{
    /// <summary>Two significant digits in exponent form (<c>1.0e-02</c>), the form of statistics and hints.</summary>
    public static string Short(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsPositiveInfinity(value)) return "inf";
        if (double.IsNegativeInfinity(value)) return "-inf";
        return value.ToString("0.0e+00", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The smallest two-significant-digit value not below <paramref name="value"/>, so a suggested tolerance
    /// really passes when pasted back (plain rounding could land just under the error).
    /// </summary>
    public static string ShortRoundedUp(double value)
    {
        if (!double.IsFinite(value) || value <= 0) return Short(Math.Max(value, 0));
        var text = Short(value);
        var parsed = double.Parse(text, CultureInfo.InvariantCulture);
        if (parsed >= value) return text;
        // One step of the second digit up: 1.0e-02 → 1.1e-02, 9.9e-03 → 1.0e-02.
        int exponent = (int)Math.Floor(Math.Log10(parsed));
        return Short(parsed + Math.Pow(10, exponent - 1));
    }

    /// <summary>An element value as people read it: up to 6 significant digits (<c>0.1234</c>, <c>1e+10</c>).</summary>
    public static string Value(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsPositiveInfinity(value)) return "inf";
        if (double.IsNegativeInfinity(value)) return "-inf";
        return value.ToString("G6", CultureInfo.InvariantCulture);
    }

    public static string Index(IReadOnlyList<long> index) => "[" + string.Join(",", index) + "]";
}
