namespace ModelBuild.Core.Importers.PyTorch;

/// <summary>A pickled <c>set</c> or <c>frozenset</c> (e.g. a module's <c>_non_persistent_buffers_set</c>), as a list.</summary>
public sealed class PickleSet
{
    public List<object?> Items { get; } = [];
}
