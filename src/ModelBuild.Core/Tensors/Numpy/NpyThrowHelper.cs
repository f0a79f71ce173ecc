using System.Diagnostics.CodeAnalysis;
using ModelBuild.Core.Diagnostics;

namespace ModelBuild.Core.Tensors.Numpy;

/// <summary>All .npy/.npz errors are MBLD1110; the message names the file, the archive entry and the problem.</summary>
internal static class NpyThrowHelper
{
    [DoesNotReturn]
    public static void Throw(string path, string? entry, string message, Exception? inner = null) =>
        throw Create(path, entry, message, inner);

    public static ModelBuildException Create(string path, string? entry, string message, Exception? inner = null)
    {
        var where = entry is null ? Path.GetFileName(path) : $"{Path.GetFileName(path)}, entry '{entry}'";
        return new ModelBuildException(DiagnosticCode.NumpyInvalid, path, $"{where}: {message}", inner);
    }
}
