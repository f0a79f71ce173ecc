using System.Buffers.Binary;
using System.Text;

namespace ModelBuild.Core.Tests.Tensors.Safetensors;

/// <summary>Builds safetensors images by hand, including the broken ones a writer would never make.</summary>
internal static class SafetensorsBytes
{
    /// <param name="declaredLength">Header length written in the prefix; the real length when null.</param>
    public static byte[] Build(string headerJson, int dataBytes, ulong? declaredLength = null)
    {
        var header = Encoding.UTF8.GetBytes(headerJson);
        var image = new byte[8 + header.Length + dataBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(image, declaredLength ?? (ulong)header.Length);
        header.CopyTo(image, 8);
        for (int i = 0; i < dataBytes; i++) image[8 + header.Length + i] = (byte)i;
        return image;
    }

    public static string Write(TempDirectory dir, string headerJson, int dataBytes, ulong? declaredLength = null)
    {
        var path = dir.File("hostile.safetensors");
        File.WriteAllBytes(path, Build(headerJson, dataBytes, declaredLength));
        return path;
    }
}
