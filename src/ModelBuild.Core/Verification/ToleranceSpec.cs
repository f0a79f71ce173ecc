using System.Globalization;
using ModelBuild.Core.Diagnostics;

namespace ModelBuild.Core.Verification;

/// <summary>
/// The gate's tolerances: a default and per-output overrides by output name (Polygraphy's convention). An
/// override may set only atol or only rtol; the other half comes from the default.
/// </summary>
public sealed class ToleranceSpec
{
    private readonly SortedDictionary<string, Tolerance> _overrides;

    public ToleranceSpec(Tolerance @default, IReadOnlyDictionary<string, Tolerance>? overrides = null)
    {
        Default = @default;
        // Ordinal order so reports and lock entries list overrides the same way on every machine.
        _overrides = new SortedDictionary<string, Tolerance>(StringComparer.Ordinal);
        if (overrides is not null)
            foreach (var (name, tolerance) in overrides) _overrides[name] = tolerance;
    }

    public Tolerance Default { get; }

    /// <summary>Overrides in ordinal name order.</summary>
    public IReadOnlyDictionary<string, Tolerance> Overrides => _overrides;

    public static ToleranceSpec DefaultFor(Precision precision) => new(Tolerance.DefaultFor(precision));

    /// <summary>The tolerance that applies to <paramref name="output"/>.</summary>
    public Tolerance For(string output) => _overrides.TryGetValue(output, out var t) ? t : Default;

    /// <summary>
    /// Parses the <c>Atol</c>/<c>Rtol</c> metadata (or <c>--atol</c>/<c>--rtol</c>). Each is null/empty (the
    /// precision's default), a number (<c>1e-4</c>), or <c>;</c>-separated <c>name=value</c> entries that may
    /// include one bare number as the default (<c>1e-4;logits=1e-3</c>). Values must be finite and ≥ 0.
    /// </summary>
    public static ToleranceSpec Parse(string? atol, string? rtol, Precision precision)
    {
        var fallback = Tolerance.DefaultFor(precision);
        var (atolDefault, atolOverrides) = ParseOne(atol, "atol");
        var (rtolDefault, rtolOverrides) = ParseOne(rtol, "rtol");
        var @default = new Tolerance(atolDefault ?? fallback.Atol, rtolDefault ?? fallback.Rtol);
        var overrides = new Dictionary<string, Tolerance>(StringComparer.Ordinal);
        foreach (var name in atolOverrides.Keys.Concat(rtolOverrides.Keys).Distinct(StringComparer.Ordinal))
        {
            overrides[name] = new Tolerance(
                atolOverrides.TryGetValue(name, out var a) ? a : @default.Atol,
                rtolOverrides.TryGetValue(name, out var r) ? r : @default.Rtol);
        }
        return new ToleranceSpec(@default, overrides);
    }

    private static (double? Default, Dictionary<string, double> Overrides) ParseOne(string? text, string option)
    {
        double? @default = null;
        var overrides = new Dictionary<string, double>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text)) return (null, overrides);
        foreach (var rawEntry in text.Split(';'))
        {
            var entry = rawEntry.Trim();
            if (entry.Length == 0) continue; // a trailing ';' is a harmless slip, not an error
            int eq = entry.IndexOf('=');
            if (eq < 0)
            {
                if (@default is not null) throw Invalid(option, text, "it gives more than one default value");
                @default = ParseValue(entry, option, text);
                continue;
            }
            var name = entry[..eq].Trim();
            if (name.Length == 0) throw Invalid(option, text, $"'{entry}' has no output name before '='");
            if (overrides.ContainsKey(name)) throw Invalid(option, text, $"output '{name}' is given twice");
            overrides[name] = ParseValue(entry[(eq + 1)..].Trim(), option, text);
        }
        return (@default, overrides);
    }

    private static double ParseValue(string value, string option, string text)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            throw Invalid(option, text, $"'{value}' is not a number");
        if (!double.IsFinite(number) || number < 0)
            throw Invalid(option, text, $"'{value}' is not a finite number ≥ 0");
        return number;
    }

    private static ModelBuildException Invalid(string option, string text, string why) =>
        new(DiagnosticCode.InvalidOption, null,
            $"invalid {option} '{text}': {why}; expected a number or 'name=value;name=value' (e.g. '1e-4;logits=1e-3').");

    public override string ToString()
    {
        if (_overrides.Count == 0) return Default.ToString();
        return Default + "; " + string.Join("; ", _overrides.Select(o => $"{o.Key}: {o.Value}"));
    }
}
