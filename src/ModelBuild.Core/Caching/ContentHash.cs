using System.Security.Cryptography;

namespace ModelBuild.Core.Caching;

/// <summary>The one file digest ModelBuild records (lock entries, cache keys, restored-file checks): full sha256, lower-case hex.</summary>
public static class ContentHash
{
    public static string Sha256OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
