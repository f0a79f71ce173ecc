using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript;

/// <summary>
/// How to convert: the graph inputs (name, element type, shape) for the tensor arguments of <c>forward</c>, matched
/// by name, or by position when no name matches; the op table and schema table (defaults: all aten lowerings, the
/// embedded PyTorch 1.13 schemas).
/// </summary>
public sealed record TorchScriptImportOptions(IReadOnlyList<ValueInfo> Inputs)
{
    public OpRegistry? Ops { get; init; }
    public SchemaRegistry? Schemas { get; init; }

    /// <summary>The method converted, <c>forward</c> unless told otherwise.</summary>
    public string Method { get; init; } = "forward";
}
