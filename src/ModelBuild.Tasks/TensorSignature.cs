using System.Collections.Generic;

namespace ModelBuild.Tasks;

/// <summary>
/// One model input or output as the accessor shows it: a name, an element type and a shape whose dims are
/// numbers or symbols (<c>batch</c>). Comes from the item's <c>Inputs</c> metadata or from the signature file
/// the converter writes beside the artifact.
/// </summary>
internal sealed class TensorSignature
{
    public TensorSignature(string name, string elementType, IReadOnlyList<string> shape)
    {
        Name = name;
        ElementType = elementType;
        Shape = shape;
    }

    public string Name { get; }

    public string ElementType { get; }

    /// <summary>Each dim as written: digits for a fixed size, an identifier for a symbolic one.</summary>
    public IReadOnlyList<string> Shape { get; }
}
