using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Importers.Weights;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript;

/// <summary>
/// Fills an archive's module tree with a checkpoint's tensors: the fine-tuned-checkpoint case, where a state_dict is
/// run through the traced graph of the same architecture. Each tensor attribute is looked up by its dotted path
/// (<c>layer1.0.conv1.weight</c>, after the name map); every checkpoint tensor must land on one with the same shape
/// and dtype, and every tensor attribute of the archive must get one (MBLD1140 listing what does not fit).
/// Non-tensor attributes (ints, lists, flags) are kept from the archive.
/// </summary>
public static class TorchScriptWeights
{
    public static TorchScriptObject Rebind(TorchScriptObject root, IReadOnlyList<NamedTensor> weights, WeightNameMap nameMap, string architecturePath, string weightsPath)
    {
        var byName = new Dictionary<string, TensorData>(StringComparer.Ordinal);
        foreach (var w in weights)
            if (nameMap.Map(w.Name) is { } mapped) byName[mapped] = w.Data;
        var used = new HashSet<string>(StringComparer.Ordinal);
        var missing = new List<string>();
        var mismatched = new List<string>();
        var copies = new Dictionary<TorchScriptObject, TorchScriptObject>(ReferenceEqualityComparer.Instance);

        TorchScriptObject Copy(TorchScriptObject obj, string prefix, int depth)
        {
            if (copies.TryGetValue(obj, out var done)) return done;
            if (depth > TorchScriptLayout.MaxCallDepth)
                throw new ModelBuildException(DiagnosticCode.UnsupportedFeature, architecturePath, $"module tree deeper than {TorchScriptLayout.MaxCallDepth} at {prefix}");
            var copy = new TorchScriptObject(obj.TypeName);
            copies[obj] = copy;
            foreach (var (name, value) in obj.Attributes)
            {
                var path = prefix + name;
                switch (value)
                {
                    case TorchScriptObject child:
                        copy.Attributes[name] = Copy(child, path + ".", depth + 1);
                        break;
                    case TensorData old:
                        if (byName.TryGetValue(path, out var data))
                        {
                            used.Add(path);
                            if (data.DataType != old.DataType || !data.Shape.SequenceEqual(old.Shape))
                                mismatched.Add($"{path}: checkpoint {DataTypes.Name(data.DataType)}[{string.Join(",", data.Shape)}], architecture {DataTypes.Name(old.DataType)}[{string.Join(",", old.Shape)}]");
                            copy.Attributes[name] = data;
                        }
                        else
                        {
                            missing.Add(path);
                            copy.Attributes[name] = old;
                        }
                        break;
                    default:
                        copy.Attributes[name] = value;
                        break;
                }
            }
            return copy;
        }

        var result = Copy(root, "", 0);
        var unused = byName.Keys.Where(k => !used.Contains(k)).ToList();
        if (missing.Count > 0 || unused.Count > 0 || mismatched.Count > 0)
        {
            static string List(IEnumerable<string> items) { var a = items.ToArray(); return string.Join(", ", a.Take(8)) + (a.Length > 8 ? $", … ({a.Length} in all)" : ""); }
            var parts = new List<string>();
            if (mismatched.Count > 0) parts.Add($"shapes or dtypes differ: {List(mismatched)}");
            if (missing.Count > 0) parts.Add($"the architecture's tensors not in the checkpoint: {List(missing)}");
            if (unused.Count > 0) parts.Add($"checkpoint tensors the architecture does not have: {List(unused)}");
            throw new ModelBuildException(DiagnosticCode.WeightsMismatch, weightsPath,
                $"the checkpoint does not fit the TorchScript architecture {Path.GetFileName(architecturePath)}: {string.Join("; ", parts)}. Check it is the same model (or map names with --name-map)");
        }
        return result;
    }
}
