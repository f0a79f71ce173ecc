using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Verification;

/// <summary>
/// One input set and the outputs the source model computed for it. <see cref="Outputs"/> is empty for seeded
/// inputs, where no source ran.
/// </summary>
public sealed record ReferenceSet(string Name, IReadOnlyList<NamedTensor> Inputs, IReadOnlyList<NamedTensor> Outputs);
