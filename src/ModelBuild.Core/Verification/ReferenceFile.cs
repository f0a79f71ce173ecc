using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Tensors;
using ModelBuild.Core.Tensors.Numpy;
using ModelBuild.Core.Tensors.Safetensors;

namespace ModelBuild.Core.Verification;

/// <summary>Loads reference data (the golden file) from <c>.npz</c> or <c>.safetensors</c>.</summary>
public static class ReferenceFile
{
    /// <summary>
    /// The reference file to use: <paramref name="given"/> as is, none for "none", else the first default
    /// candidate beside <paramref name="modelPath"/> that exists (the ModelAsset default).
    /// </summary>
    public static string? Resolve(string? given, string modelPath)
    {
        if (string.Equals(given, "none", StringComparison.OrdinalIgnoreCase)) return null;
        return given ?? DefaultCandidates(modelPath).FirstOrDefault(File.Exists);
    }

    /// <summary>Names looked for beside a model when no reference is given, in order.</summary>
    public static IEnumerable<string> DefaultCandidates(string modelPath)
    {
        var stem = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(modelPath))!, Path.GetFileNameWithoutExtension(modelPath));
        yield return stem + ".ref.npz";
        yield return stem + ".ref.safetensors";
    }

    public static ReferenceData Load(string path)
    {
        if (!File.Exists(path))
            throw new ModelBuildException(DiagnosticCode.FileNotFound, path, "the reference data file does not exist");
        IReadOnlyList<NamedTensor> arrays;
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".npz":
                arrays = NpzReader.Read(path);
                break;
            case ".safetensors":
                using (var file = SafetensorsReader.Read(path)) arrays = file.Tensors;
                break;
            default:
                throw new ModelBuildException(DiagnosticCode.ReferenceInvalid, path, "reference data must be a .npz (numpy savez) or .safetensors file");
        }
        return ReferenceData.FromArrays(arrays, path);
    }
}
