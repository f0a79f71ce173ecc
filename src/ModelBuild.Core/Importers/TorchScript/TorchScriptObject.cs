namespace ModelBuild.Core.Importers.TorchScript;

/// <summary>
/// One object of <c>data.pkl</c>: an instance of a <c>__torch__.*</c> class (usually a module) with its attribute
/// values. Values are <see cref="ModelBuild.Core.Tensors.TensorData"/> (parameters, buffers, tensor attributes),
/// <see cref="TorchScriptObject"/> (submodules), <c>long</c>, <c>double</c>, <c>bool</c>, <c>string</c>, <c>null</c>,
/// <c>List&lt;object?&gt;</c> (lists), <c>object?[]</c> (tuples) or <c>Dictionary&lt;object, object?&gt;</c> (dicts).
/// Class constants (<c>Final</c>) are not here: they live in the class declaration.
/// </summary>
public sealed class TorchScriptObject
{
    public TorchScriptObject(string typeName) => TypeName = typeName;

    /// <summary>Qualified class name with any mangling kept: <c>__torch__.torch.nn.modules.linear.___torch_mangle_0.Linear</c>.</summary>
    public string TypeName { get; }

    public Dictionary<string, object?> Attributes { get; } = new(StringComparer.Ordinal);

    public override string ToString() => TypeName;
}
