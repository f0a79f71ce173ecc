namespace ModelBuild.Tasks.Locking;

/// <summary>One artifact as the lock records it, keyed by its file name (a main artifact or a companion such as OpenVINO's .bin).</summary>
internal sealed class LockedArtifact
{
    public LockedArtifact(string target, string sha256, long size)
    {
        Target = target;
        Sha256 = sha256;
        Size = size;
    }

    /// <summary>The target that made it.</summary>
    public string Target { get; }

    /// <summary>Of the file; of a folder (Core ML package), over its files' relative paths and contents.</summary>
    public string Sha256 { get; }

    public long Size { get; }
}
