using System.Security.Cryptography;
using ModelBuild.Core.Caching;
using System.Text;

namespace ModelBuild.Core.Pipeline;

/// <summary>
/// Moves a staged artifact into the output folder and describes it for the lock. Most artifacts are files; a
/// Core ML <c>.mlpackage</c> is a folder, hashed over its sorted relative paths and contents so the digest does
/// not depend on the order the file system lists them in. A writer that hashed a file while writing it passes the
/// digest in, so the file is not read a second time just to hash it.
/// </summary>
public static class ArtifactPlacement
{
    public static Artifact Place(string target, string staged, string destination, string? knownSha256 = null)
    {
        if (!Directory.Exists(staged))
        {
            File.Move(staged, destination, overwrite: true);
            return new Artifact(target, destination, new FileInfo(destination).Length, knownSha256 ?? ContentHash.Sha256OfFile(destination));
        }
        if (Directory.Exists(destination)) Directory.Delete(destination, recursive: true);
        else if (File.Exists(destination)) File.Delete(destination);
        Directory.Move(staged, destination);
        var files = Directory.GetFiles(destination, "*", SearchOption.AllDirectories)
            .Select(f => (Relative: Path.GetRelativePath(destination, f).Replace('\\', '/'), Full: f))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToArray();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        foreach (var (relative, full) in files)
        {
            var content = ContentHash.Sha256OfFile(full);
            hash.AppendData(Encoding.UTF8.GetBytes($"{relative}\0{content}\n"));
            size += new FileInfo(full).Length;
        }
        return new Artifact(target, destination, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
