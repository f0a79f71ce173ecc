using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript;

/// <summary>
/// What a TorchScript archive holds, as the archive reader hands it to the importer: the serialized code files
/// keyed by their path from <c>code/</c> on (<c>code/__torch__/torch/nn/modules/linear.py</c>; a top-level folder
/// before it is ignored), the unpickled <c>data.pkl</c> object tree, the <c>constants.pkl</c> tensors
/// (<c>CONSTANTS.c0</c>, <c>c1</c>, …) and the archive's version record.
/// </summary>
public sealed record TorchScriptArchiveContents(
    string? ArchivePath,
    IReadOnlyDictionary<string, string> CodeFiles,
    TorchScriptObject Root,
    IReadOnlyList<TensorData> Constants,
    long Version = 0);
