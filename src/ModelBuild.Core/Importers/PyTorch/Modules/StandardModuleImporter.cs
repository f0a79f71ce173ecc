using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.PyTorch.Modules;

/// <summary>
/// Converts a pickled whole module (<c>torch.save(model)</c>) made only of standard <c>torch.nn</c> classes from
/// those classes' known eval-mode semantics: the file holds each module's class name, hyperparameters and
/// weights but no code, and for the classes in <see cref="ModuleConverterTable"/> the code is known. Any other
/// class (<c>__main__.Net</c>) is MBLD2003, listing every such class with its path. Nothing is executed; weights
/// stay lazy in the source file. The module is called on one input, which the caller declares (a pickled module
/// has no input shape); the graph output is <c>output</c>.
/// </summary>
public static class StandardModuleImporter
{
    /// <summary>Hooks that change what <c>forward</c> computes; any registered one is refused.</summary>
    private static readonly string[] ForwardHooks =
        ["_forward_hooks", "_forward_pre_hooks", "_forward_hooks_with_kwargs", "_forward_pre_hooks_with_kwargs"];

    public static Model Import(PyTorchFile file, IReadOnlyList<ValueInfo> inputs) => Import(file, file.Root, inputs);

    /// <summary>Imports <paramref name="root"/> (the file's root, or a module found inside a checkpoint dict).</summary>
    public static Model Import(PyTorchFile file, object? root, IReadOnlyList<ValueInfo> inputs)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(inputs);
        if (root is not PickleObject module)
            throw new ModelBuildException(DiagnosticCode.PyTorchNoStateDict, file.Path, $"the file holds {PickleReader.Describe(root)}, not a pickled module");

        CheckClasses(file, module);
        if (inputs.Count != 1)
            throw new ModelBuildException(DiagnosticCode.ModuleInputRequired, file.Path, inputs.Count == 0
                ? $"a pickled whole module ({module.Type.QualifiedName}) carries no input shape; declare its input with --input \"x: float32[batch,3,224,224]\" (Inputs=\"x: float32[batch,3,224,224]\" on the ModelAsset item), with the dims your model takes"
                : $"a pickled {module.Type.QualifiedName} takes one input, but {inputs.Count} were declared ({string.Join("; ", inputs)})");
        var input = inputs[0];
        if (input.Shape is null)
            throw new ModelBuildException(DiagnosticCode.ModuleInputRequired, file.Path, $"input '{input.Name}' needs a shape, for example \"{input.Name}: float32[batch,3,224,224]\"");

        var builder = new ModuleGraphBuilder(file);
        var x = builder.AddInput(input);
        var y = Convert(builder, module, "", x);
        builder.SetOutput(y, "output");
        return builder.Model;
    }

    /// <summary>Throws MBLD2003 listing every module of the tree (with its path) whose class has no converter.</summary>
    public static void CheckClasses(PyTorchFile file, PickleObject module)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(module);
        var unsupported = new List<string>();
        FindUnsupported(file, module, "", 0, unsupported);
        if (unsupported.Count > 0) throw UnsupportedClasses(file, unsupported);
    }

    private static ModuleValue Convert(ModuleGraphBuilder builder, PickleObject module, string path, ModuleValue input)
    {
        var className = module.Type.QualifiedName;
        if (!ModuleConverterTable.TryGet(className, out var converter))
            throw UnsupportedClasses(builder.File, [DescribeClass(path, className)]);
        if (module.State is not PickleDict state)
            throw ModuleThrowHelper.Create(DiagnosticCode.ModuleAttributeInvalid, builder.File.Path, path, className, null,
                $"the module's state is {PickleReader.Describe(module.State)}, not an attribute dict");
        var context = new ModuleContext(builder, module, state, path, (child, childPath, value) => Convert(builder, child, childPath, value));
        foreach (var hook in ForwardHooks)
        {
            if (!state.TryGetValue(hook, out var hooks) || hooks is null) continue;
            if (hooks is not PickleDict dict) throw context.Invalid(hook, $"expected a dict, found {PickleReader.Describe(hooks)}");
            if (dict.Count > 0)
                throw context.Unsupported(hook, $"{dict.Count} hook(s) registered; a hook is Python code that changes what forward computes and is not in the file. Remove the hooks before saving, or save with torch.jit.trace(model, example).save(...)");
        }
        return converter(context, input);
    }

    /// <summary>Every module in the tree whose class the table lacks, with its path; children of such modules too.</summary>
    private static void FindUnsupported(PyTorchFile file, PickleObject module, string path, int depth, List<string> unsupported)
    {
        if (depth > file.Limits.MaxObjectDepth)
            throw new ModelBuildException(DiagnosticCode.PickleLimitExceeded, file.Path, $"the module tree nests deeper than {file.Limits.MaxObjectDepth} levels at '{path}'");
        if (!ModuleConverterTable.TryGet(module.Type.QualifiedName, out _)) unsupported.Add(DescribeClass(path, module.Type.QualifiedName));
        if (module.State is not PickleDict state || !state.TryGetValue("_modules", out var children) || children is not PickleDict dict) return;
        foreach (var (key, value) in dict.Items)
            if (value is PickleObject child)
                FindUnsupported(file, child, path.Length == 0 ? $"{key}" : $"{path}.{key}", depth + 1, unsupported);
    }

    private static string DescribeClass(string path, string className) => $"{className} at '{(path.Length == 0 ? "(root)" : path)}'";

    private static ModelBuildException UnsupportedClasses(PyTorchFile file, IReadOnlyList<string> classes) => new(DiagnosticCode.PyTorchWholeModule, file.Path,
        $"the file is a pickled whole module (torch.save(model)) with classes ModelBuild has no conversion for: {string.Join(", ", classes)}. " +
        "Their Python code is not in the file, so there is no graph to convert (nothing was executed); only modules made of standard torch.nn classes convert from a pickle. " +
        "Save the model with torch.jit.trace(model, example).save(...), or save model.state_dict() and convert it with --architecture <template.onnx>");
}
