using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.Weights;

/// <summary>
/// Binds the tensors of a weights-only file (safetensors, npz) into an architecture graph: every architecture
/// weight is replaced, by name, with the file's tensor of the same dtype and shape. The fine-tuned-checkpoint
/// case: the template was exported once, the weights change with every training run.
/// </summary>
public static class WeightBinder
{
    /// <summary>
    /// Initializers that PyTorch's exporter invents (constants folded out of the code, named <c>onnx::Op_N</c>)
    /// are part of the architecture, not of the state_dict, so they keep the template's values.
    /// </summary>
    public const string ExporterConstantPrefix = "onnx::";

    public static void Bind(Graph.Model architecture, string architecturePath, IReadOnlyList<NamedTensor> weights, string weightsPath, WeightNameMap nameMap)
    {
        var byName = new Dictionary<string, NamedTensor>(StringComparer.Ordinal);
        var unmatched = new List<string>();
        var problems = new List<string>();
        var initializers = architecture.Graph.Initializers.ToDictionary(i => i.Name, StringComparer.Ordinal);

        foreach (var weight in weights)
        {
            var target = nameMap.Map(weight.Name);
            if (target is null) continue;
            if (!initializers.ContainsKey(target))
            {
                unmatched.Add(target == weight.Name ? weight.Name : $"{weight.Name} (mapped to {target})");
                continue;
            }
            if (!byName.TryAdd(target, weight))
                problems.Add($"'{target}' is given twice (by '{byName[target].Name}' and '{weight.Name}')");
        }

        var missing = new List<string>();
        foreach (var initializer in architecture.Graph.Initializers)
        {
            if (!byName.TryGetValue(initializer.Name, out var weight))
            {
                if (!initializer.Name.StartsWith(ExporterConstantPrefix, StringComparison.Ordinal)) missing.Add(initializer.Name);
                continue;
            }
            var expected = initializer.Data;
            var actual = weight.Data;
            if (expected.DataType != actual.DataType)
                problems.Add($"'{weight.Name}' is {DataTypes.Name(actual.DataType)}, the architecture's '{initializer.Name}' is {DataTypes.Name(expected.DataType)}");
            else if (!expected.Shape.SequenceEqual(actual.Shape))
                problems.Add($"'{weight.Name}' has shape [{string.Join(",", actual.Shape)}], the architecture's '{initializer.Name}' has [{string.Join(",", expected.Shape)}]");
        }

        if (unmatched.Count > 0 || missing.Count > 0 || problems.Count > 0)
        {
            var parts = new List<string>();
            if (missing.Count > 0) parts.Add($"{missing.Count} architecture weight(s) not in the file: {string.Join(", ", missing)}");
            if (unmatched.Count > 0) parts.Add($"{unmatched.Count} tensor(s) in the file match no architecture weight: {string.Join(", ", unmatched)}");
            parts.AddRange(problems);
            throw new ModelBuildException(DiagnosticCode.WeightsMismatch, weightsPath,
                $"weights do not fit the architecture '{Path.GetFileName(architecturePath)}': {string.Join("; ", parts)}. " +
                "Rename tensors with --name-map (e.g. 'model.*=*'), or drop them with 'name=' rules.");
        }

        foreach (var initializer in architecture.Graph.Initializers)
        {
            if (byName.TryGetValue(initializer.Name, out var weight)) initializer.Data = weight.Data;
        }
    }
}
