namespace ModelBuild.Core.Importers.PyTorch;

/// <summary>How the pickle reader treats a global it has resolved (never by reflection: by this fixed table).</summary>
public enum PickleGlobalKind
{
    /// <summary>An allowlisted function the reader implements itself (e.g. <c>torch._utils._rebuild_tensor_v2</c>).</summary>
    Function,
    /// <summary>A <c>torch.*Storage</c> type: a dtype marker inside a persistent id.</summary>
    StorageType,
    /// <summary>A class named by the file but not known to the reader; instances become inert <see cref="PickleObject"/> records.</summary>
    ClassReference,
    /// <summary>
    /// A <c>torch.nn.functional</c> activation a module stores as an attribute (<c>TransformerEncoderLayer.activation
    /// = F.relu</c>): an inert name the module converters read, never called (REDUCE and NEWOBJ refuse it).
    /// </summary>
    FunctionReference,
}
