using System;
using System.IO;
using System.Security.Cryptography;

namespace ModelBuild.Tasks;

/// <summary>SHA-256 of a file, streamed (models may be gigabytes), as lower-case hex.</summary>
internal static class FileHashes
{
    public static string Sha256(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var sha = SHA256.Create();
        return BitConverter.ToString(sha.ComputeHash(stream)).Replace("-", "").ToLowerInvariant();
    }
}
