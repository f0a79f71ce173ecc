using System.IO.Compression;

namespace ModelBuild.Core.Tensors.Numpy;

/// <summary>
/// Reads .npz archives (np.savez: stored; np.savez_compressed: deflated). Entries are read into memory, which
/// suits their use as reference data; sizes are checked against <see cref="NpzLimits"/> before each read and
/// the bytes actually produced are counted, so an archive that lies about its sizes (a zip bomb) stops at the limit.
/// </summary>
public static class NpzReader
{
    public static IReadOnlyList<NamedTensor> Read(string path, NpzLimits? limits = null)
    {
        limits ??= NpzLimits.Default;
        path = Path.GetFullPath(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024);
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw NpyThrowHelper.Create(path, null, $"not a readable zip archive ({stream.Length} bytes): {e.Message}", e);
        }

        using (archive)
        {
            IReadOnlyList<ZipArchiveEntry> entries;
            try
            {
                // The central directory is parsed on first access, so a damaged one surfaces here.
                entries = archive.Entries;
            }
            catch (InvalidDataException e)
            {
                throw NpyThrowHelper.Create(path, null, $"the zip central directory is damaged ({stream.Length} bytes): {e.Message}", e);
            }
            if (entries.Count > limits.MaxEntryCount)
                NpyThrowHelper.Throw(path, null, $"the archive has {entries.Count} entries, above the limit of {limits.MaxEntryCount}.");

            long declaredTotal = 0;
            foreach (var entry in entries)
            {
                // Sum declared sizes first: a bomb is refused before a single byte is inflated.
                declaredTotal = entry.Length > limits.MaxTotalUncompressedBytes - declaredTotal
                    ? long.MaxValue
                    : declaredTotal + entry.Length;
                if (declaredTotal == long.MaxValue || declaredTotal > limits.MaxTotalUncompressedBytes)
                    NpyThrowHelper.Throw(path, entry.FullName,
                        $"declares {entry.Length} uncompressed bytes, taking the archive above the limit of {limits.MaxTotalUncompressedBytes} bytes.");
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            var tensors = new List<NamedTensor>(entries.Count);
            foreach (var entry in entries)
            {
                var fullName = entry.FullName;
                if (!fullName.EndsWith(NpyLayout.EntrySuffix, StringComparison.Ordinal))
                    NpyThrowHelper.Throw(path, fullName, $"is not an array: .npz members end in '{NpyLayout.EntrySuffix}'.");
                var name = fullName[..^NpyLayout.EntrySuffix.Length];
                if (!names.Add(name))
                    NpyThrowHelper.Throw(path, fullName, $"appears twice in the archive.");
                tensors.Add(new NamedTensor(name, NpyReader.ReadFromMemory(ReadEntry(entry, path), path, fullName)));
            }
            return tensors;
        }
    }

    private static byte[] ReadEntry(ZipArchiveEntry entry, string path)
    {
        if (entry.Length > Array.MaxLength)
            NpyThrowHelper.Throw(path, entry.FullName, $"declares {entry.Length} bytes, more than one in-memory array can hold.");
        var bytes = new byte[entry.Length];
        try
        {
            using var data = entry.Open();
            int read = data.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            if (read < bytes.Length)
                NpyThrowHelper.Throw(path, entry.FullName, $"declares {entry.Length} bytes but holds only {read}: the archive is truncated or corrupt.");
            // One byte more than declared means the size fields lie; stop rather than inflate further.
            Span<byte> probe = stackalloc byte[1];
            if (data.Read(probe) != 0)
                NpyThrowHelper.Throw(path, entry.FullName, $"holds more than the {entry.Length} bytes it declares.");
            uint crc = ZipCrc32.Compute(bytes);
            if (crc != entry.Crc32)
                NpyThrowHelper.Throw(path, entry.FullName, $"has CRC-32 {crc:x8} but the archive records {entry.Crc32:x8}: the data is corrupt.");
        }
        catch (InvalidDataException e)
        {
            // CRC mismatches, bad deflate streams and unsupported methods all surface here.
            throw NpyThrowHelper.Create(path, entry.FullName, $"cannot be read: {e.Message}", e);
        }
        catch (EndOfStreamException e)
        {
            throw NpyThrowHelper.Create(path, entry.FullName, $"ends early: the archive is truncated ({e.Message})", e);
        }
        return bytes;
    }
}
