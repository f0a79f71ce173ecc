namespace ModelBuild.Core.Importers.PyTorch;

/// <summary>A global a pickle names (<c>module.name</c>), resolved against the allowlist; inert, never imported.</summary>
public sealed record PickleGlobal(string Module, string Name, PickleGlobalKind Kind)
{
    public string QualifiedName => $"{Module}.{Name}";

    public override string ToString() => QualifiedName;
}
