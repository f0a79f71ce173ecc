namespace ModelBuild.Core.Importers.TorchScript;

/// <summary>
/// A type in an operator schema: a base name (<c>Tensor</c>, <c>int</c>, <c>Scalar</c>, <c>t</c>, …), optionally a
/// list of it (<c>int[]</c>, <c>int[2]</c>) and optionally <c>?</c> (may be None). <see cref="Alias"/> keeps an
/// alias annotation such as <c>a!</c> from <c>Tensor(a!)</c>; it matters only for telling out= overloads apart.
/// </summary>
public sealed record SchemaType(string Name, bool IsOptional = false, SchemaType? Element = null, int? FixedSize = null, string? Alias = null, IReadOnlyList<SchemaType>? Parameters = null)
{
    public bool IsList => Element is not null;

    /// <summary>Whether the type names a tensor (not a list of them).</summary>
    public bool IsTensor => Element is null && Name == "Tensor";

    /// <summary>Whether the argument writes into its value (<c>Tensor(a!)</c>): out= and in-place arguments.</summary>
    public bool IsMutable => Alias is not null && Alias.EndsWith('!');

    public override string ToString()
    {
        var alias = Alias is null ? "" : $"({Alias})";
        var text = Element is not null
            ? Element + (FixedSize is int n ? $"[{n}]" : "[]") + alias
            : Parameters is { Count: > 0 } ps ? $"{Name}({string.Join(", ", ps)}){alias}" : Name + alias;
        return IsOptional ? text + "?" : text;
    }
}
