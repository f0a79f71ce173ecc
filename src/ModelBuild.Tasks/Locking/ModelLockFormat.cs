using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ModelBuild.Tasks.Locking;

/// <summary>
/// Reads and renders <c>models.lock.json</c>. Output is deterministic (ordinal key order, two-space indent,
/// '\n' newlines, invariant numbers) so an unchanged build rewrites the same bytes and a diff shows only
/// what changed, as NuGet's packages.lock.json does.
/// </summary>
internal static class ModelLockFormat
{
    public const string FileName = "models.lock.json";
    public const int Version = 1;

    public static string Render(IEnumerable<ModelLockEntry> entries)
    {
        var text = new StringBuilder();
        text.Append("{\n");
        text.Append("  \"version\": ").Append(Version.ToString(CultureInfo.InvariantCulture)).Append(",\n");
        text.Append("  \"assets\": {");
        var ordered = entries.OrderBy(e => e.Source, StringComparer.Ordinal).ToArray();
        for (int i = 0; i < ordered.Length; i++)
        {
            var e = ordered[i];
            text.Append(i == 0 ? "\n" : ",\n");
            text.Append("    ").Append(Quote(e.Source)).Append(": {\n");
            text.Append("      \"sourceSha256\": ").Append(Quote(e.SourceSha256)).Append(",\n");
            text.Append("      \"options\": {");
            AppendPairs(text, e.Options.Select(o => (o.Key, Quote(o.Value))), "        ");
            text.Append("},\n");
            text.Append("      \"converter\": ").Append(Quote(e.Converter)).Append(",\n");
            text.Append("      \"onnxRuntime\": ").Append(Quote(e.OnnxRuntime)).Append(",\n");
            text.Append("      \"artifacts\": {");
            AppendPairs(text, e.Artifacts.Select(a => (a.Key,
                "{ \"target\": " + Quote(a.Value.Target) + ", \"sha256\": " + Quote(a.Value.Sha256) + ", \"size\": " + a.Value.Size.ToString(CultureInfo.InvariantCulture) + " }")), "        ");
            text.Append("},\n");
            if (e.Targets.Count > 0)
            {
                text.Append("      \"targets\": {");
                AppendPairs(text, e.Targets.Select(t => (t.Key,
                    "{ \"status\": " + Quote(t.Value.Status) + ", \"properties\": {" +
                    string.Join(",", t.Value.Properties.Select(p => " " + Quote(p.Key) + ": " + Quote(p.Value))) + (t.Value.Properties.Count > 0 ? " " : "") + "} }")), "        ");
                text.Append("},\n");
            }
            text.Append("      \"verification\": { \"status\": ").Append(Quote(e.VerificationStatus)).Append(", \"summary\": ").Append(Quote(e.VerificationSummary)).Append(" }\n");
            text.Append("    }");
        }
        text.Append(ordered.Length == 0 ? "}\n" : "\n  }\n");
        text.Append("}\n");
        return text.ToString();
    }

    /// <exception cref="FormatException">Not a lock file of a version this build understands.</exception>
    public static IReadOnlyDictionary<string, ModelLockEntry> Parse(string json)
    {
        if (MiniJson.Parse(json) is not Dictionary<string, object?> root) throw new FormatException("the lock file is not a JSON object");
        if (!root.TryGetValue("version", out var version) || version is not double number || (int)number != Version)
            throw new FormatException($"the lock file's \"version\" is not {Version}");
        var result = new Dictionary<string, ModelLockEntry>(StringComparer.Ordinal);
        if (!root.TryGetValue("assets", out var assets) || assets is not Dictionary<string, object?> map) return result;
        foreach (var pair in map)
        {
            if (pair.Value is not Dictionary<string, object?> body) throw new FormatException($"the entry of '{pair.Key}' is not an object");
            var entry = new ModelLockEntry
            {
                Source = pair.Key,
                SourceSha256 = Text(body, "sourceSha256"),
                Converter = Text(body, "converter"),
                OnnxRuntime = Text(body, "onnxRuntime"),
            };
            if (body.TryGetValue("options", out var options) && options is Dictionary<string, object?> optionMap)
                foreach (var option in optionMap) entry.Options[option.Key] = option.Value as string ?? "";
            if (body.TryGetValue("artifacts", out var artifacts) && artifacts is Dictionary<string, object?> artifactMap)
            {
                foreach (var artifact in artifactMap)
                {
                    if (artifact.Value is not Dictionary<string, object?> a) continue;
                    var size = a.TryGetValue("size", out var s) && s is double d ? (long)d : -1;
                    entry.Artifacts[artifact.Key] = new LockedArtifact(Text(a, "target"), Text(a, "sha256"), size);
                }
            }
            if (body.TryGetValue("targets", out var targets) && targets is Dictionary<string, object?> targetMap)
            {
                foreach (var target in targetMap)
                {
                    if (target.Value is not Dictionary<string, object?> t) continue;
                    var locked = new LockedTarget { Status = Text(t, "status") };
                    if (t.TryGetValue("properties", out var properties) && properties is Dictionary<string, object?> propertyMap)
                        foreach (var property in propertyMap) locked.Properties[property.Key] = property.Value as string ?? "";
                    entry.Targets[target.Key] = locked;
                }
            }
            if (body.TryGetValue("verification", out var verification) && verification is Dictionary<string, object?> v)
            {
                entry.VerificationStatus = Text(v, "status");
                entry.VerificationSummary = Text(v, "summary");
            }
            result[pair.Key] = entry;
        }
        return result;
    }

    private static void AppendPairs(StringBuilder text, IEnumerable<(string Key, string Value)> pairs, string indent)
    {
        var list = pairs.ToArray();
        for (int i = 0; i < list.Length; i++)
            text.Append(i == 0 ? "\n" : ",\n").Append(indent).Append(Quote(list[i].Key)).Append(": ").Append(list[i].Value);
        if (list.Length > 0) text.Append('\n').Append(indent, 0, indent.Length - 2);
    }

    private static string Text(Dictionary<string, object?> map, string key) => map.TryGetValue(key, out var value) && value is string s ? s : "";

    private static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < 0x20) text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else text.Append(c);
                    break;
            }
        }
        return text.Append('"').ToString();
    }
}
