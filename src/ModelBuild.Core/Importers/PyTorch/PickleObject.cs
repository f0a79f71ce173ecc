namespace ModelBuild.Core.Importers.PyTorch;

/// <summary>
/// An instance of a class the reader does not know (a TorchScript <c>__torch__.*</c> module, or a Python class in a
/// <c>torch.save(model)</c> file), kept as a record: the class reference, the constructor arguments and the state
/// BUILD gave it. Nothing of the class is run.
/// </summary>
public sealed class PickleObject(PickleGlobal type, object?[] arguments)
{
    public PickleGlobal Type { get; } = type;
    public object?[] Arguments { get; } = arguments;

    /// <summary>What BUILD set (usually a <see cref="PickleDict"/> of attributes); null until then.</summary>
    public object? State { get; set; }

    public override string ToString() => $"<{Type.QualifiedName} object>";
}
