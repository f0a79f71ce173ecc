using System.Diagnostics.CodeAnalysis;
using ModelBuild.Core.Diagnostics;

namespace ModelBuild.Core.Importers.PyTorch;

/// <summary>Builds the PyTorch reader's errors: the file, the record or tensor involved, and what is wrong.</summary>
internal static class PyTorchThrowHelper
{
    public static ModelBuildException Create(DiagnosticCode code, string path, string? where, string message, Exception? inner = null) =>
        new(code, path, where is null ? message : $"{where}: {message}", inner);

    [DoesNotReturn]
    public static void Throw(DiagnosticCode code, string path, string? where, string message) => throw Create(code, path, where, message);

    [DoesNotReturn]
    public static void Archive(string path, string? record, string message) => throw Create(DiagnosticCode.PyTorchArchiveInvalid, path, record, message);

    [DoesNotReturn]
    public static void Storage(string path, string? tensor, string message) => throw Create(DiagnosticCode.PyTorchStorageInvalid, path, tensor, message);
}
