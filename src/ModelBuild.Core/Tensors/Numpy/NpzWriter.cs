using System.IO.Compression;

namespace ModelBuild.Core.Tensors.Numpy;

/// <summary>
/// Writes .npz archives as np.savez does (stored, one <c>name.npy</c> member per tensor) but deterministically:
/// members in the given order with a fixed 1980-01-01 timestamp, so the same tensors give the same bytes.
/// Tensor data streams into the archive; the file appears atomically.
/// </summary>
public static class NpzWriter
{
    /// <summary>The earliest time a zip (DOS) timestamp can hold; any fixed value would do.</summary>
    private static readonly DateTimeOffset FixedTimestamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Write(string path, IEnumerable<NamedTensor> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var list = tensors.ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tensor in list)
        {
            if (!names.Add(tensor.Name))
                throw new ArgumentException($"Tensor name '{tensor.Name}' appears twice.", nameof(tensors));
            // Checked up front so a bad tensor fails before any file is created.
            _ = NpyDataTypes.DescrOf(tensor.Data.DataType)
                ?? throw new ArgumentException($"Tensor '{tensor.Name}' is {DataTypes.Name(tensor.Data.DataType)}, which numpy cannot hold.", nameof(tensors));
        }

        AtomicFile.Write(path, stream =>
        {
            using var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var tensor in list)
            {
                // NoCompression makes a stored member, as np.savez writes them; Create mode streams it to disk.
                var entry = archive.CreateEntry(tensor.Name + NpyLayout.EntrySuffix, CompressionLevel.NoCompression);
                entry.LastWriteTime = FixedTimestamp;
                using var entryStream = entry.Open();
                NpyWriter.WriteTo(entryStream, tensor.Data);
            }
        });
    }
}
