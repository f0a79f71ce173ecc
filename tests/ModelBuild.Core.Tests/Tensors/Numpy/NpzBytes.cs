using System.IO.Compression;
using ModelBuild.Core.Tensors.Numpy;

namespace ModelBuild.Core.Tests.Tensors.Numpy;

/// <summary>Builds .npz archives entry by entry, including ones np.savez would never write.</summary>
internal static class NpzBytes
{
    public static byte[] Build(params (string Name, byte[] Content, CompressionLevel Level)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content, level) in entries)
            {
                using var stream = zip.CreateEntry(name, level).Open();
                stream.Write(content);
            }
        }
        return buffer.ToArray();
    }

    public static byte[] Npy(ModelBuild.Core.Tensors.NamedTensor tensor)
    {
        using var stream = new MemoryStream();
        NpyWriter.WriteTo(stream, tensor.Data);
        return stream.ToArray();
    }
}
