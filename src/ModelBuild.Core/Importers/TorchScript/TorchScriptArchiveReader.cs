using System.Numerics;
using System.Text;
using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Importers.PyTorch;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript;

/// <summary>
/// Reads a <c>torch.jit.save</c> archive into <see cref="TorchScriptArchiveContents"/> with the safe PyTorch readers:
/// the <c>code/**.py</c> records as text, <c>data.pkl</c> as a <see cref="TorchScriptObject"/> tree (class names with
/// their mangling kept, tensors file-backed and lazy), <c>constants.pkl</c> as the tensor constants, and the archive
/// version. Nothing in the archive is run; pickled values the importer has no use for are refused with MBLD2002.
/// </summary>
public static class TorchScriptArchiveReader
{
    public static TorchScriptArchiveContents Read(string path, PyTorchLimits? limits = null) => FromFile(PyTorchReader.Read(path, limits));

    /// <summary>The contents of an already read file; MBLD2002 when it is not a TorchScript archive.</summary>
    public static TorchScriptArchiveContents FromFile(PyTorchFile file)
    {
        if (file.Format != PyTorchFormat.TorchScript || file.Archive is null)
            throw new ModelBuildException(DiagnosticCode.UnsupportedFeature, file.Path, "not a TorchScript archive (torch.jit.save): it has no constants.pkl");
        var archive = file.Archive;
        var code = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var record in archive.Records)
        {
            if (!record.Name.StartsWith(PyTorchLayout.CodeFolder, StringComparison.Ordinal) || !record.Name.EndsWith(".py", StringComparison.Ordinal)) continue;
            code[record.Name] = Encoding.UTF8.GetString(archive.ReadRecord(record, archive.Limits.MaxInflatedRecordBytes));
        }
        if (code.Count == 0)
            throw new ModelBuildException(DiagnosticCode.PyTorchArchiveInvalid, file.Path, "the TorchScript archive has no code/*.py records");

        var converter = new Converter(file);
        if (converter.Convert(file.ScriptModule, "data.pkl", 0) is not TorchScriptObject root)
            throw new ModelBuildException(DiagnosticCode.PyTorchArchiveInvalid, file.Path,
                $"data.pkl holds {PickleReader.Describe(file.ScriptModule)}, not a __torch__ module object");

        var constants = new List<TensorData>();
        if (file.ScriptConstants is not null)
        {
            if (file.ScriptConstants is not object?[] items)
                throw new ModelBuildException(DiagnosticCode.PyTorchArchiveInvalid, file.Path, $"constants.pkl holds {PickleReader.Describe(file.ScriptConstants)}, not a tuple");
            for (int i = 0; i < items.Length; i++)
            {
                if (items[i] is not PickleTensor tensor)
                    throw new ModelBuildException(DiagnosticCode.UnsupportedFeature, file.Path, $"constants.pkl entry {i} is {PickleReader.Describe(items[i])}; only tensor constants are supported");
                constants.Add(file.Materialize(tensor, $"CONSTANTS.c{i}"));
            }
        }
        return new TorchScriptArchiveContents(file.Path, code, root, constants, file.Version ?? 0);
    }

    private sealed class Converter(PyTorchFile file)
    {
        // The same pickled object reached twice (a shared submodule) stays one object: weights are keyed by identity.
        private readonly Dictionary<object, object?> _done = new(ReferenceEqualityComparer.Instance);

        public object? Convert(object? value, string where, int depth)
        {
            if (depth > file.Limits.MaxObjectDepth)
                throw new ModelBuildException(DiagnosticCode.PickleLimitExceeded, file.Path, $"data.pkl nests deeper than {file.Limits.MaxObjectDepth} at {where}");
            switch (value)
            {
                case null or bool or long or double or string:
                    return value;
                case BigInteger big:
                    throw Unsupported(where, $"an integer ({big}) outside the 64-bit range");
                case PickleTensor tensor:
                    return Memo(tensor, () => file.Materialize(tensor, where));
                case PickleObject obj:
                    if (_done.TryGetValue(obj, out var known)) return known;
                    if (!obj.Type.Module.StartsWith("__torch__", StringComparison.Ordinal))
                        throw Unsupported(where, $"an instance of {obj.Type.QualifiedName}; TorchScript archives hold __torch__ classes only");
                    var result = new TorchScriptObject(obj.Type.QualifiedName);
                    _done[obj] = result;
                    switch (obj.State)
                    {
                        case null:
                            break;
                        case PickleDict state:
                            foreach (var (key, item) in state.Items)
                            {
                                if (key is not string name) throw Unsupported(where, $"an attribute key {PickleReader.Describe(key)} that is not a name");
                                result.Attributes[name] = Convert(item, where + "." + name, depth + 1);
                            }
                            break;
                        default:
                            throw Unsupported(where, $"an object of {obj.Type.QualifiedName} whose state is {PickleReader.Describe(obj.State)} (a class with __getstate__/__setstate__)");
                    }
                    return result;
                case List<object?> list:
                    return Memo(list, () => list.Select((item, i) => Convert(item, $"{where}[{i}]", depth + 1)).ToList());
                case object?[] tuple:
                    return Memo(tuple, () => tuple.Select((item, i) => Convert(item, $"{where}[{i}]", depth + 1)).ToArray());
                case PickleDict dict:
                    return Memo(dict, () =>
                    {
                        var d = new Dictionary<object, object?>();
                        foreach (var (key, item) in dict.Items)
                        {
                            if (key is null || Convert(key, where, depth + 1) is not { } k) throw Unsupported(where, "a dict with a None key");
                            d[k] = Convert(item, $"{where}[{PickleReader.Describe(key)}]", depth + 1);
                        }
                        return d;
                    });
                default:
                    throw Unsupported(where, PickleReader.Describe(value));
            }
        }

        private object? Memo(object key, Func<object?> make)
        {
            if (_done.TryGetValue(key, out var known)) return known;
            var made = make();
            _done[key] = made;
            return made;
        }

        private ModelBuildException Unsupported(string where, string what) =>
            new(DiagnosticCode.UnsupportedFeature, file.Path, $"data.pkl at {where} holds {what}, which the TorchScript importer does not take");
    }
}
