using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.PyTorch;

/// <summary>
/// Walks an unpickled object graph and names the tensors in it the way <c>state_dict()</c> would: dict keys and
/// attribute names joined with dots; an <c>nn.Module</c> record contributes its <c>_parameters</c>,
/// <c>_buffers</c> and <c>_modules</c>; a TorchScript module its attributes. Depth is bounded, which also stops cycles.
/// </summary>
internal static class PyTorchTensorWalker
{
    public static IReadOnlyList<NamedTensor> Collect(PyTorchFile file)
    {
        var tensors = new List<NamedTensor>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Walk(file, file.Root, "", 0, tensors, seen);
        return tensors;
    }

    private static void Walk(PyTorchFile file, object? value, string prefix, int depth, List<NamedTensor> tensors, HashSet<string> seen)
    {
        if (depth > file.Limits.MaxObjectDepth)
            throw new ModelBuildException(DiagnosticCode.PickleLimitExceeded, file.Path,
                $"the saved object nests deeper than {file.Limits.MaxObjectDepth} levels at '{prefix}' (or refers to itself)");
        switch (value)
        {
            case PickleTensor tensor:
                var name = prefix.Length == 0 ? "tensor" : prefix;
                if (seen.Add(name)) tensors.Add(new NamedTensor(name, file.Materialize(tensor, name)));
                break;
            case PickleDict dict:
                foreach (var (key, item) in dict.Items)
                    if (key is string or long) Walk(file, item, Join(prefix, Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture)!), depth + 1, tensors, seen);
                break;
            case PickleObject { State: PickleDict state }:
                if (state.TryGetValue("_parameters", out var parameters) || state.TryGetValue("_modules", out _))
                {
                    // nn.Module: the same names state_dict() gives (parameters, buffers, then submodules).
                    Walk(file, parameters, prefix, depth + 1, tensors, seen);
                    if (state.TryGetValue("_buffers", out var buffers)) Walk(file, buffers, prefix, depth + 1, tensors, seen);
                    if (state.TryGetValue("_modules", out var modules)) Walk(file, modules, prefix, depth + 1, tensors, seen);
                }
                else
                {
                    Walk(file, state, prefix, depth + 1, tensors, seen);
                }
                break;
            case object?[] tuple:
                for (int i = 0; i < tuple.Length; i++) Walk(file, tuple[i], Join(prefix, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), depth + 1, tensors, seen);
                break;
            case List<object?> list:
                for (int i = 0; i < list.Count; i++) Walk(file, list[i], Join(prefix, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), depth + 1, tensors, seen);
                break;
        }
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";
}
