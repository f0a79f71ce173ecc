namespace ModelBuild.Core.Tensors;

/// <summary>
/// Writes a file through a temporary sibling and a rename, so readers see either the old file or the complete
/// new one, and a failure part-way leaves nothing behind.
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, Action<FileStream> write)
    {
        path = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(path)!;
        // Same directory as the target so the final move is a rename, never a cross-device copy.
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            // 64 KiB buffer for small header writes; larger tensor chunks bypass it.
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 64 * 1024))
            {
                write(stream);
                stream.Flush();
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            // Remove the partial file and let the original failure propagate unchanged.
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }
}
