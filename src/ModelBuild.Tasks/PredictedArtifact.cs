namespace ModelBuild.Tasks;

/// <summary>One file (or, for Core ML, folder) a conversion is expected to make.</summary>
internal sealed class PredictedArtifact
{
    public PredictedArtifact(string target, string path, string extension, bool isCompanion, bool isFolder)
    {
        Target = target;
        Path = path;
        Extension = extension;
        IsCompanion = isCompanion;
        IsFolder = isFolder;
    }

    public string Target { get; }

    public string Path { get; }

    /// <summary>What follows the stem: <c>.onnx</c>, <c>.bin</c>, <c>.engine.json</c>; resource and copy names keep it.</summary>
    public string Extension { get; }

    public bool IsCompanion { get; }

    public bool IsFolder { get; }
}
