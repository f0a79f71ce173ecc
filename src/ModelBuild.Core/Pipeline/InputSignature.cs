using System.Globalization;
using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Pipeline;

/// <summary>
/// One declared model input, parsed from <c>name: dtype[dim,dim,…]</c> where each dim is a number or a
/// symbol such as <c>batch</c>. Several may be given at once, separated by <c>;</c>.
/// </summary>
public sealed record InputSignature(string Name, DataType ElementType, TensorShape Shape)
{
    public static IReadOnlyList<InputSignature> ParseMany(string text)
    {
        return text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Parse)
            .ToArray();
    }

    public static InputSignature Parse(string text)
    {
        var colon = text.IndexOf(':');
        var open = text.IndexOf('[');
        var close = text.LastIndexOf(']');
        if (colon <= 0 || open < colon || close != text.TrimEnd().Length - 1)
            throw Invalid(text, "expected 'name: dtype[dims]', for example 'x: float32[batch,3,224,224]'");

        var name = text[..colon].Trim();
        var typeName = text[(colon + 1)..open].Trim();
        if (!IsIdentifier(name)) throw Invalid(text, $"'{name}' is not a valid input name");
        if (!DataTypes.TryParse(typeName, out var type))
            throw Invalid(text, $"unknown dtype '{typeName}' (float32, float16, bfloat16, float64, int8, int16, int32, int64, uint8, bool)");

        var body = text[(open + 1)..close].Trim();
        var dims = new List<Dim>();
        if (body.Length > 0)
        {
            foreach (var raw in body.Split(','))
            {
                var dim = raw.Trim();
                if (long.TryParse(dim, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    if (value <= 0) throw Invalid(text, $"dimension {dim} must be positive");
                    dims.Add(Dim.Fixed(value));
                }
                else if (IsIdentifier(dim))
                {
                    dims.Add(Dim.Named(dim));
                }
                else
                {
                    throw Invalid(text, $"dimension '{dim}' is neither a positive number nor a name");
                }
            }
        }
        return new InputSignature(name, type, new TensorShape(dims));
    }

    public override string ToString() => $"{Name}: {DataTypes.Name(ElementType)}{Shape}";

    private static bool IsIdentifier(string s) =>
        s.Length > 0 && (char.IsLetter(s[0]) || s[0] == '_') && s.All(c => char.IsLetterOrDigit(c) || c is '_' or '.' or ':' or '/');

    private static ModelBuildException Invalid(string text, string why) =>
        new(DiagnosticCode.InvalidSignature, null, $"input signature '{text}': {why}");
}
