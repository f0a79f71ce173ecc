namespace ModelBuild.Tasks.Locking;

/// <summary>One artifact file as the lock records it.</summary>
internal sealed class LockedArtifact
{
    public LockedArtifact(string file, string sha256, long size)
    {
        File = file;
        Sha256 = sha256;
        Size = size;
    }

    /// <summary>File name of the artifact (its folder is an intermediate detail).</summary>
    public string File { get; }

    public string Sha256 { get; }

    public long Size { get; }
}
