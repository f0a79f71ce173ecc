using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.PyTorch.Modules;

/// <summary>
/// A value of the graph being built, with the element type and shape the converters infer for it (symbolic dims
/// such as <c>batch</c> stay symbolic; a dim no converter can compute is <see cref="Dim.Unknown"/>).
/// </summary>
public sealed record ModuleValue(string Name, DataType ElementType, TensorShape Shape)
{
    public int Rank => Shape.Rank;

    public IReadOnlyList<Dim> Dims => Shape.Dims;

    public override string ToString() => $"{DataTypes.Name(ElementType)}{Shape}";
}
