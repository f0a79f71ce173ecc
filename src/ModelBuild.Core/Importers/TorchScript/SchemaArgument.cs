namespace ModelBuild.Core.Importers.TorchScript;

/// <summary>
/// One argument or return of an <see cref="OperatorSchema"/>. <see cref="DefaultText"/> is the default as the
/// schema prints it (<c>[1, 1]</c>, <c>1.0000000000000001e-05</c>, <c>None</c>); <see cref="Default"/> is the same
/// value parsed into the importer's value model (long, double, bool, string, null or a list of those).
/// </summary>
public sealed record SchemaArgument(string Name, SchemaType Type, bool IsKeywordOnly, string? DefaultText, object? Default)
{
    public bool HasDefault => DefaultText is not null;

    public override string ToString() => $"{Type}{(Name.Length > 0 ? " " + Name : "")}{(DefaultText is null ? "" : "=" + DefaultText)}";
}
