using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.PyTorch;

/// <summary>
/// The weights of a <c>torch.save(model.state_dict())</c> file as an ordered tensor list, ready for
/// <c>WeightBinder</c>. Also accepted: a training checkpoint dict holding the state_dict under one of
/// <see cref="WrapperKeys"/> (first match wins). A TorchScript archive, a pickled whole module, or anything else is
/// refused with a code that says what the file is and how to save it instead.
/// </summary>
public static class PyTorchStateDict
{
    /// <summary>Checkpoint keys that hold a model's state_dict, in the order they are tried.</summary>
    public static IReadOnlyList<string> WrapperKeys { get; } = ["state_dict", "model_state_dict", "model"];

    /// <summary>
    /// The pickled whole module a <c>torch.save</c> file holds (<c>torch.save(model)</c>), at its root or under one
    /// of <see cref="WrapperKeys"/> of a checkpoint dict; null for a state_dict, a TorchScript archive or anything else.
    /// </summary>
    public static PickleObject? FindModule(PyTorchFile file)
    {
        if (file.Format == PyTorchFormat.TorchScript) return null;
        if (file.Root is PickleObject root) return root;
        if (file.Root is PickleDict dict)
            foreach (var key in WrapperKeys)
            {
                // First match wins, as in Extract: a state_dict under an earlier key is taken over a module.
                if (!dict.TryGetValue(key, out var inner)) continue;
                if (inner is PickleObject module) return module;
                if (inner is PickleDict) return null;
            }
        return null;
    }

    public static IReadOnlyList<NamedTensor> Extract(PyTorchFile file)
    {
        if (file.Format == PyTorchFormat.TorchScript)
            throw new ModelBuildException(DiagnosticCode.UnsupportedFeature, file.Path,
                "this is a TorchScript archive (torch.jit.save), not a state_dict: it carries its own graph, so convert it as the source (no --architecture)");
        if (file.Root is PickleObject)
            throw WholeModule(file);
        if (file.Root is PickleDict dict)
        {
            foreach (var key in WrapperKeys)
            {
                if (!dict.TryGetValue(key, out var inner)) continue;
                if (inner is PickleObject) throw WholeModule(file);
                if (inner is PickleDict innerDict && TryTensors(file, innerDict, out var wrapped)) return wrapped;
            }
            if (TryTensors(file, dict, out var tensors)) return tensors;
            var keys = dict.Items.Select(i => i.Key is string s ? $"'{s}'" : PickleReader.Describe(i.Key)).Take(12);
            throw new ModelBuildException(DiagnosticCode.PyTorchNoStateDict, file.Path,
                $"the file holds a dict that is not a state_dict (its values are not all tensors) and has no state_dict under {string.Join(", ", WrapperKeys.Select(k => $"'{k}'"))}; its keys: {string.Join(", ", keys)}{(dict.Count > 12 ? ", …" : "")}");
        }
        throw new ModelBuildException(DiagnosticCode.PyTorchNoStateDict, file.Path,
            $"the file holds {PickleReader.Describe(file.Root)}, not a state_dict (a dict of tensors, as torch.save(model.state_dict()) writes)");
    }

    private static bool TryTensors(PyTorchFile file, PickleDict dict, out IReadOnlyList<NamedTensor> tensors)
    {
        var list = new List<NamedTensor>(dict.Count);
        tensors = list;
        foreach (var (key, value) in dict.Items)
        {
            if (key is not string name || value is not PickleTensor tensor) return false;
            list.Add(new NamedTensor(name, file.Materialize(tensor, name)));
        }
        return list.Count > 0;
    }

    private static ModelBuildException WholeModule(PyTorchFile file) => new(DiagnosticCode.PyTorchWholeModule, file.Path,
        $"the file is a pickled whole module (torch.save(model)) naming the classes {string.Join(", ", file.Classes)}; their Python code is not in the file, so there is no graph to convert (nothing was executed). Save the model with torch.jit.trace(model, example).save(...), or save model.state_dict() and convert it with --architecture <template.onnx>");
}
