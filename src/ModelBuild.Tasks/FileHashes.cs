using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace ModelBuild.Tasks;

/// <summary>SHA-256 of a file, streamed (models may be gigabytes), as lower-case hex.</summary>
internal static class FileHashes
{
    public static string Sha256(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var sha = SHA256.Create();
        return Hex(sha.ComputeHash(stream));
    }

    /// <summary>
    /// A folder artifact (Core ML package): SHA-256 over each file's '/'-separated relative path and content
    /// hash in ordinal order, so renaming, moving or changing any file changes it; size is the bytes in all.
    /// </summary>
    public static (string Sha256, long Size) FolderSha256(string folder)
    {
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => (Relative: f.Substring(root.Length).Replace('\\', '/'), Full: f))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToArray();
        using var sha = SHA256.Create();
        var listing = new StringBuilder();
        long size = 0;
        foreach (var file in files)
        {
            listing.Append(file.Relative).Append('\0').Append(Sha256(file.Full)).Append('\n');
            size += new FileInfo(file.Full).Length;
        }
        return (Hex(sha.ComputeHash(Encoding.UTF8.GetBytes(listing.ToString()))), size);
    }

    private static string Hex(byte[] hash) => BitConverter.ToString(hash).Replace("-", "").ToLowerInvariant();
}
