using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript;

/// <summary>
/// A loaded TorchScript model: the parsed code (<see cref="Program"/>), the module object tree with its
/// parameters and buffers (<see cref="Root"/>), the tensor constants and the archive version.
/// </summary>
public sealed class TorchScriptModule
{
    public TorchScriptModule(TorchScriptProgram program, TorchScriptObject root, IReadOnlyList<TensorData> constants, long version = 0)
    {
        Program = program;
        Root = root;
        Constants = constants;
        Version = version;
    }

    public TorchScriptProgram Program { get; }
    public TorchScriptObject Root { get; }
    public IReadOnlyList<TensorData> Constants { get; }
    public long Version { get; }
    public string? ArchivePath => Program.ArchivePath;

    /// <summary>Parses the archive's code; MBLD2010 on a syntax error.</summary>
    public static TorchScriptModule Load(TorchScriptArchiveContents contents) =>
        new(TorchScriptProgram.Parse(contents.CodeFiles, contents.ArchivePath), contents.Root, contents.Constants, contents.Version);
}
