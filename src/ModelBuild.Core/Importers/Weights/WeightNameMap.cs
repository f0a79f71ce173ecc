using System.Text.Json;
using ModelBuild.Core.Diagnostics;

namespace ModelBuild.Core.Importers.Weights;

/// <summary>
/// Rewrites weight-file tensor names into the architecture's initializer names before they are matched.
/// Two spellings: inline rules <c>from=to</c> separated by <c>;</c>, where each side may hold one <c>*</c>
/// (<c>model.*=*</c> strips a prefix, <c>*.num_batches_tracked=</c> drops tensors), tried in order, first
/// match wins; or <c>@file.json</c>, an object of exact <c>"weightName": "initializerName"</c> pairs
/// (an empty string or null drops the tensor). Names no rule matches are kept as they are.
/// </summary>
public sealed class WeightNameMap
{
    private readonly IReadOnlyList<(string From, string To)> _rules;
    private readonly IReadOnlyDictionary<string, string?>? _exact;

    private WeightNameMap(IReadOnlyList<(string, string)> rules, IReadOnlyDictionary<string, string?>? exact)
    {
        _rules = rules;
        _exact = exact;
    }

    public static WeightNameMap Identity { get; } = new([], null);

    public static WeightNameMap Parse(string? text, string? baseDirectory = null)
    {
        if (string.IsNullOrWhiteSpace(text)) return Identity;
        text = text.Trim();
        if (text.StartsWith('@')) return FromFile(Path.Combine(baseDirectory ?? "", text[1..]));

        var rules = new List<(string, string)>();
        foreach (var rule in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = rule.IndexOf('=');
            if (eq <= 0) throw Invalid(null, $"rule '{rule}' is not 'from=to'");
            var from = rule[..eq];
            var to = rule[(eq + 1)..];
            if (from.Count(c => c == '*') > 1 || to.Count(c => c == '*') > 1 || (to.Contains('*') && !from.Contains('*')))
                throw Invalid(null, $"rule '{rule}': each side may hold at most one '*', and '*' on the right needs one on the left");
            rules.Add((from, to));
        }
        return new WeightNameMap(rules, null);
    }

    /// <summary>The initializer name for <paramref name="weightName"/>; null when the map drops the tensor.</summary>
    public string? Map(string weightName)
    {
        if (_exact is not null)
            return _exact.TryGetValue(weightName, out var mapped) ? (string.IsNullOrEmpty(mapped) ? null : mapped) : weightName;

        foreach (var (from, to) in _rules)
        {
            if (TryMatch(from, weightName, out var captured))
            {
                var result = to.Replace("*", captured);
                return result.Length == 0 ? null : result;
            }
        }
        return weightName;
    }

    private static bool TryMatch(string pattern, string name, out string captured)
    {
        captured = "";
        var star = pattern.IndexOf('*');
        if (star < 0) return pattern == name;
        var prefix = pattern[..star];
        var suffix = pattern[(star + 1)..];
        if (name.Length < prefix.Length + suffix.Length || !name.StartsWith(prefix, StringComparison.Ordinal) || !name.EndsWith(suffix, StringComparison.Ordinal))
            return false;
        captured = name[prefix.Length..(name.Length - suffix.Length)];
        return true;
    }

    private static WeightNameMap FromFile(string path)
    {
        if (!File.Exists(path)) throw new ModelBuildException(DiagnosticCode.FileNotFound, path, "the weight name map file does not exist");
        try
        {
            using var stream = File.OpenRead(path);
            var map = JsonSerializer.Deserialize<Dictionary<string, string?>>(stream)
                ?? throw Invalid(path, "the file holds null; expected a JSON object of \"weightName\": \"initializerName\" pairs");
            return new WeightNameMap([], map);
        }
        catch (JsonException e)
        {
            throw Invalid(path, $"expected a JSON object of \"weightName\": \"initializerName\" pairs: {e.Message}");
        }
    }

    private static ModelBuildException Invalid(string? file, string why) =>
        new(DiagnosticCode.NameMapInvalid, file, $"weight name map: {why}");
}
