using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ModelBuild.Tasks;

/// <summary>
/// Parses the <c>Inputs</c> metadata, <c>name: dtype[dims]</c> entries separated by <c>;</c>, with the grammar
/// of the CLI's <c>--input</c> (ModelBuild.Core <c>InputSignature</c>). Duplicated here on purpose: the task
/// must reject a typo before a converter process starts, and it must show the signature in the accessor in
/// design-time builds, where nothing runs.
/// </summary>
internal static class InputsSyntax
{
    private static readonly Dictionary<string, string> DataTypeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["float32"] = "float32", ["float"] = "float32", ["f32"] = "float32",
        ["float64"] = "float64", ["double"] = "float64", ["f64"] = "float64",
        ["float16"] = "float16", ["half"] = "float16", ["f16"] = "float16",
        ["bfloat16"] = "bfloat16", ["bf16"] = "bfloat16",
        ["int8"] = "int8", ["i8"] = "int8",
        ["int16"] = "int16", ["i16"] = "int16",
        ["int32"] = "int32", ["int"] = "int32", ["i32"] = "int32",
        ["int64"] = "int64", ["long"] = "int64", ["i64"] = "int64",
        ["uint8"] = "uint8", ["u8"] = "uint8",
        ["uint16"] = "uint16", ["u16"] = "uint16",
        ["uint32"] = "uint32", ["u32"] = "uint32",
        ["uint64"] = "uint64", ["u64"] = "uint64",
        ["bool"] = "bool",
    };

    /// <summary>The entries of <paramref name="text"/>, one per <c>;</c>-separated signature.</summary>
    public static IReadOnlyList<string> Entries(string text) =>
        text.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries).Select(e => e.Trim()).Where(e => e.Length > 0).ToArray();

    /// <summary>Parses every entry; on the first bad one returns false with a message that says what is wrong.</summary>
    public static bool TryParse(string text, out IReadOnlyList<TensorSignature> signatures, out string error)
    {
        var result = new List<TensorSignature>();
        signatures = result;
        error = "";
        foreach (var entry in Entries(text))
        {
            if (!TryParseOne(entry, out var signature, out var why))
            {
                error = $"input signature '{entry}': {why}";
                return false;
            }
            if (result.Any(s => s.Name == signature!.Name))
            {
                error = $"input '{signature!.Name}' is declared twice";
                return false;
            }
            result.Add(signature!);
        }
        return true;
    }

    private static bool TryParseOne(string text, out TensorSignature? signature, out string error)
    {
        signature = null;
        error = "";
        int colon = text.IndexOf(':');
        int open = text.IndexOf('[');
        int close = text.LastIndexOf(']');
        if (colon <= 0 || open < colon || close != text.Length - 1)
        {
            error = "expected 'name: dtype[dims]', for example 'x: float32[batch,3,224,224]'";
            return false;
        }
        var name = text.Substring(0, colon).Trim();
        var typeName = text.Substring(colon + 1, open - colon - 1).Trim();
        if (!IsIdentifier(name))
        {
            error = $"'{name}' is not a valid input name";
            return false;
        }
        if (!DataTypeNames.TryGetValue(typeName, out var type))
        {
            error = $"unknown dtype '{typeName}' (float32, float16, bfloat16, float64, int8, int16, int32, int64, uint8, bool)";
            return false;
        }
        var dims = new List<string>();
        var body = text.Substring(open + 1, close - open - 1).Trim();
        if (body.Length > 0)
        {
            foreach (var raw in body.Split(','))
            {
                var dim = raw.Trim();
                if (long.TryParse(dim, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    if (value <= 0)
                    {
                        error = $"dimension {dim} must be positive";
                        return false;
                    }
                    dims.Add(value.ToString(CultureInfo.InvariantCulture));
                }
                else if (IsIdentifier(dim))
                {
                    dims.Add(dim);
                }
                else
                {
                    error = $"dimension '{dim}' is neither a positive number nor a name";
                    return false;
                }
            }
        }
        signature = new TensorSignature(name, type, dims);
        return true;
    }

    private static bool IsIdentifier(string s) =>
        s.Length > 0 && (char.IsLetter(s[0]) || s[0] == '_') && s.All(c => char.IsLetterOrDigit(c) || c == '_' || c == '.' || c == ':' || c == '/');
}
