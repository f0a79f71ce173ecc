using System.Globalization;
using ModelBuild.Core.Diagnostics;

namespace ModelBuild.Cli;

/// <summary>The result of <see cref="ArgumentParser.Parse"/>, with typed accessors that fail as usage errors.</summary>
internal sealed class ParsedArguments
{
    public List<string> Positionals { get; } = [];
    public Dictionary<string, List<string>> Values { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Flags { get; } = new(StringComparer.Ordinal);
    public bool Help { get; set; }

    public string? Value(string name) => Values.TryGetValue(name, out var v) ? v[^1] : null;

    public IReadOnlyList<string> All(string name) => Values.TryGetValue(name, out var v) ? v : [];

    public bool Has(string name) => Flags.Contains(name);

    public int? Int(string name, string verb)
    {
        var text = Value(name);
        if (text is null) return null;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            throw new ModelBuildException(DiagnosticCode.InvalidOption, null, $"{name} '{text}' is not a positive whole number (see 'modelbuild {verb} --help')");
        return value;
    }

    public long? Long(string name, string verb)
    {
        var text = Value(name);
        if (text is null) return null;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            throw new ModelBuildException(DiagnosticCode.InvalidOption, null, $"{name} '{text}' is not a whole number of bytes (see 'modelbuild {verb} --help')");
        return value;
    }

    public string SinglePositional(string verb, string what)
    {
        if (Positionals.Count == 0) throw ArgumentParser.Usage(verb, $"missing {what}");
        if (Positionals.Count > 1) throw ArgumentParser.Usage(verb, $"expected one {what}, got {Positionals.Count}: {string.Join(" ", Positionals)}");
        return Positionals[0];
    }
}
