using System.Text.RegularExpressions;

namespace ModelBuild.Core.Importers.PyTorch;

/// <summary>
/// The fixed table that decides what a pickle's GLOBAL may name (research §3.2, §14). Functions the reader
/// implements and the storage types are allowed; modules that can run code are refused outright; any other
/// class-shaped name becomes an inert <see cref="PickleGlobalKind.ClassReference"/>. Nothing is ever imported.
/// </summary>
public static partial class PickleAllowlist
{
    private static readonly HashSet<string> Functions = new(StringComparer.Ordinal)
    {
        "collections.OrderedDict",
        "torch._utils._rebuild_tensor",
        "torch._utils._rebuild_tensor_v2",
        "torch._utils._rebuild_parameter",
        "torch._utils._rebuild_parameter_with_state",
        "torch.Size",
        "torch.device",
        "builtins.set", "builtins.frozenset", "builtins.slice",
        "__builtin__.set", "__builtin__.frozenset", "__builtin__.slice",
        "_codecs.encode",
        "torch.jit._pickle.build_intlist",
        "torch.jit._pickle.build_doublelist",
        "torch.jit._pickle.build_boollist",
        "torch.jit._pickle.build_tensorlist",
        "torch.jit._pickle.build_genericlist",
        "torch.jit._pickle.restore_type_tag",
    };

    /// <summary>
    /// Functions a standard module keeps as an attribute value (TransformerEncoderLayer/DecoderLayer's activation).
    /// Resolved to <see cref="PickleGlobalKind.FunctionReference"/>: a name to compare, never a callable.
    /// </summary>
    private static readonly HashSet<string> FunctionReferences = new(StringComparer.Ordinal)
    {
        "torch.nn.functional.relu",
        "torch.nn.functional.gelu",
        "torch._C._nn.gelu",   // F.gelu is this builtin, and pickles under its name (exact name only: torch._C stays blocked)
    };

    /// <summary>Modules whose every name is refused, whatever it looks like (picklescan's unsafe list and more).</summary>
    private static readonly string[] BlockedModules =
    [
        "builtins", "__builtin__", "os", "posix", "nt", "subprocess", "sys", "socket", "shutil", "runpy", "pty",
        "pickle", "_pickle", "cPickle", "pip", "pdb", "bdb", "asyncio", "ctypes", "webbrowser", "importlib", "imp",
        "functools", "operator", "code", "codeop", "marshal", "types", "io", "_io", "tempfile", "pathlib", "glob",
        "multiprocessing", "threading", "_thread", "signal", "requests", "httplib", "http", "urllib", "venv",
        "timeit", "commands", "platform", "inspect", "copyreg", "copy_reg", "_codecs", "codecs", "numpy", "dill",
        "joblib", "torch.serialization", "torch.storage", "torch._inductor", "torch.jit.unsupported_tensor_ops",
        "torch.fx", "torch._dynamo", "torch.hub", "torch.utils", "torch.testing", "torch.distributed", "torch.ops",
        "torch.jit", "torch.package", "torch._C", "torch._ops", "torch._export", "torch.export",
    ];

    /// <summary>The storage classes of a persistent id (research §4); legacy typed storages only.</summary>
    private static readonly HashSet<string> StorageTypes = new(StringComparer.Ordinal)
    {
        "FloatStorage", "HalfStorage", "BFloat16Storage", "DoubleStorage", "CharStorage", "ShortStorage",
        "IntStorage", "LongStorage", "ByteStorage", "BoolStorage",
    };

    /// <summary>Resolves <paramref name="module"/>.<paramref name="name"/>, or returns null with the reason it is refused.</summary>
    public static PickleGlobal? Resolve(string module, string name, out string? refusal)
    {
        refusal = null;
        var qualified = $"{module}.{name}";
        if (Functions.Contains(qualified)) return new PickleGlobal(module, name, PickleGlobalKind.Function);
        if (FunctionReferences.Contains(qualified)) return new PickleGlobal(module, name, PickleGlobalKind.FunctionReference);
        if (module == "torch" && StorageTypes.Contains(name)) return new PickleGlobal(module, name, PickleGlobalKind.StorageType);
        if (!IdentifierPath().IsMatch(module) || !Identifier().IsMatch(name))
        {
            refusal = "it is not a Python module and name";
            return null;
        }
        foreach (var blocked in BlockedModules)
        {
            if (module == blocked || module.StartsWith(blocked + ".", StringComparison.Ordinal))
            {
                refusal = $"the module '{blocked}' can run code and no name in it is allowed";
                return null;
            }
        }
        // TorchScript classes (__torch__.*) and class-shaped names (CapWords) are recorded, never instantiated.
        bool torchScript = module == "__torch__" || module.StartsWith("__torch__.", StringComparison.Ordinal);
        if (torchScript || char.IsUpper(name[0])) return new PickleGlobal(module, name, PickleGlobalKind.ClassReference);
        if (module == "torch")
        {
            refusal = "it is not one of the torch names a weights file needs (storage types, Size, device)";
            return null;
        }
        refusal = "only the allowlisted rebuild functions may be named, and this is a function, not a class";
        return null;
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")]
    private static partial Regex IdentifierPath();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
