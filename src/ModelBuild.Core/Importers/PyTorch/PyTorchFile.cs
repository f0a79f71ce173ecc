using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.PyTorch;

/// <summary>
/// What a PyTorch file holds, read without running anything: the format and archive version, the unpickled
/// top-level object (<see cref="Root"/>: dicts, lists, inert class records, tensors), the classes it names, and
/// every tensor found by walking the object with dotted names (<c>conv.weight</c>, <c>state_dict.fc.bias</c>).
/// </summary>
public sealed class PyTorchFile
{
    internal PyTorchFile(string path, PyTorchFormat format, int? version, object? root, IReadOnlyList<string> classes, Func<PickleTensor, string, TensorData> materialize)
    {
        Path = path;
        Format = format;
        Version = version;
        Root = root;
        Classes = classes;
        Materialize = materialize;
    }

    public string Path { get; }
    public PyTorchFormat Format { get; }

    /// <summary>Archive version (<c>version</c> / <c>.data/version</c>); for legacy streams, null.</summary>
    public int? Version { get; }

    public object? Root { get; }

    /// <summary>Qualified names of the classes the pickle refers to (sorted), e.g. <c>__main__.Net</c>.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Builds the lazy tensor data of one pickled tensor; the name is for messages.</summary>
    public Func<PickleTensor, string, TensorData> Materialize { get; }

    /// <summary>Every tensor reachable from <see cref="Root"/>, in pickle order, named by its path.</summary>
    public IReadOnlyList<NamedTensor> Tensors => _tensors ??= PyTorchTensorWalker.Collect(this);

    private IReadOnlyList<NamedTensor>? _tensors;

    internal PyTorchLimits Limits { get; init; } = PyTorchLimits.Default;

    /// <summary>The opened archive (zip formats only), for readers that need records beyond the pickles (TorchScript code).</summary>
    internal PyTorchArchive? Archive { get; init; }

    /// <summary>TorchScript archives only: <c>data.pkl</c> as read (the module record, not flattened into <see cref="Root"/>).</summary>
    internal object? ScriptModule { get; init; }

    /// <summary>TorchScript archives only: <c>constants.pkl</c> as read (a tuple of tensors).</summary>
    internal object? ScriptConstants { get; init; }
}
