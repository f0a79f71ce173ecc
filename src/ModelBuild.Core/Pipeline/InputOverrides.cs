using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Pipeline;

/// <summary>
/// Applies declared input signatures to a graph that already has inputs: the declared shape replaces the
/// source's (how a fixed batch of 2 becomes a symbolic <c>batch</c>), names and dtypes must agree. The gate
/// then proves the graph still computes the same thing at the new shapes.
/// </summary>
public static class InputOverrides
{
    public static void Apply(Graph.Model model, IReadOnlyList<InputSignature> signatures, string sourcePath)
    {
        var initializerNames = model.Graph.Initializers.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var inputs = model.Graph.Inputs.Where(i => !initializerNames.Contains(i.Name)).ToList();
        foreach (var signature in signatures)
        {
            var input = inputs.FirstOrDefault(i => i.Name == signature.Name)
                ?? throw new ModelBuildException(DiagnosticCode.InvalidSignature, sourcePath,
                    $"input '{signature.Name}' is declared but the model's inputs are: {string.Join(", ", inputs.Select(i => i.ToString()))}");
            if (input.ElementType != signature.ElementType)
                throw new ModelBuildException(DiagnosticCode.InvalidSignature, sourcePath,
                    $"input '{signature.Name}' is declared {DataTypes.Name(signature.ElementType)} but the model takes {DataTypes.Name(input.ElementType)}");
            if (input.Shape is not null && input.Shape.Rank != signature.Shape.Rank)
                throw new ModelBuildException(DiagnosticCode.InvalidSignature, sourcePath,
                    $"input '{signature.Name}' is declared with rank {signature.Shape.Rank} but the model's is {input.Shape.Rank} ({input})");
            input.Shape = signature.Shape;
        }
    }
}
