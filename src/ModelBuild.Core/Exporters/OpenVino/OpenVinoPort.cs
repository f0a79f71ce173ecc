using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Exporters.OpenVino;

/// <summary>One port of a layer: id, element type and dims (-1 for a dynamic size); <see cref="Names"/> on outputs only.</summary>
internal sealed record OpenVinoPort(int Id, DataType ElementType, long[] Dims, string? Names = null);
