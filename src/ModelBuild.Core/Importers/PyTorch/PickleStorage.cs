using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.PyTorch;

/// <summary>
/// A storage a persistent id names: <c>('storage', torch.FloatStorage, key, location, numel)</c>. The bytes are in
/// the record <c>data/&lt;key&gt;</c> (zip) or after the pickles (legacy); <see cref="ElementCount"/> counts elements
/// of <see cref="DataType"/>.
/// </summary>
public sealed record PickleStorage(string Key, string TypeName, DataType DataType, string Location, long ElementCount);
