using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ModelBuild.Core.Caching;

/// <summary>
/// A content-addressed local store of conversions, shared by projects, target frameworks and branches. The key
/// is the full sha256 over every fact the result depends on (never a prefix: two models must not share an entry).
/// Entries are written into a temporary folder and renamed into place, so a reader sees a whole entry or none;
/// a damaged entry (a file missing or with another digest) is a miss, never a wrong artifact.
/// </summary>
public sealed class ConversionCache(string root)
{
    private const string EntryFile = "entry.json";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>sha256 over the facts in ordinal key order, one <c>key=value</c> line each.</summary>
    public static string ComputeKey(IEnumerable<KeyValuePair<string, string>> facts)
    {
        var canonical = new StringBuilder();
        foreach (var (key, value) in facts.OrderBy(f => f.Key, StringComparer.Ordinal))
            canonical.Append(key).Append('=').Append(value.Replace("\n", "\\n")).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    public CacheEntry? TryGet(string key)
    {
        var folder = Path.Combine(Root, key);
        var entryPath = Path.Combine(folder, EntryFile);
        if (!File.Exists(entryPath)) return null;
        try
        {
            var entry = JsonSerializer.Deserialize<CacheEntry>(File.ReadAllText(entryPath), Json);
            if (entry is null) return null;
            foreach (var file in entry.Files)
            {
                var path = Path.Combine(folder, file.Name);
                if (!File.Exists(path) || new FileInfo(path).Length != file.Size) return null;
            }
            return entry;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Copies the entry's files into <paramref name="outputDirectory"/>, each checked against its digest,
    /// and stamps them with the current time so an incremental build does not take them as older than their inputs.</summary>
    public bool TryRestore(string key, CacheEntry entry, string outputDirectory)
    {
        var folder = Path.Combine(Root, key);
        var restored = new List<(string Temp, string Final)>();
        try
        {
            foreach (var file in entry.Files)
            {
                var final = Path.Combine(outputDirectory, file.Name);
                var temp = final + $".restore-{Guid.NewGuid():N}";
                File.Copy(Path.Combine(folder, file.Name), temp);
                restored.Add((temp, final));
                if (ContentHash.Sha256OfFile(temp) != file.Sha256) return false;
            }
            var now = DateTime.UtcNow;
            foreach (var (temp, final) in restored)
            {
                File.SetLastWriteTimeUtc(temp, now);
                File.Move(temp, final, overwrite: true);
            }
            restored.Clear();
            return true;
        }
        finally
        {
            foreach (var (temp, _) in restored) File.Delete(temp);
        }
    }

    /// <summary>Stores a conversion's files under <paramref name="key"/>; an entry already there is kept as it is.</summary>
    public void Put(string key, CacheEntry entry, IReadOnlyList<(string Name, string Path)> files)
    {
        var final = Path.Combine(Root, key);
        if (Directory.Exists(final)) return;
        Directory.CreateDirectory(Root);
        var temp = Path.Combine(Root, $".tmp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        try
        {
            foreach (var (name, path) in files) File.Copy(path, Path.Combine(temp, name));
            File.WriteAllText(Path.Combine(temp, EntryFile), JsonSerializer.Serialize(entry, Json));
            Directory.Move(temp, final);
        }
        catch (IOException) when (Directory.Exists(final))
        {
            // Another build stored the same conversion first; its entry is as good as ours.
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
    }
}
