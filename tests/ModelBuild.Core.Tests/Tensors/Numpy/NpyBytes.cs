using System.Buffers.Binary;
using System.Text;

namespace ModelBuild.Core.Tests.Tensors.Numpy;

/// <summary>Builds .npy images by hand from header text, including ones numpy would never write.</summary>
internal static class NpyBytes
{
    public static byte[] Build(string header, int dataBytes, int major = 1, uint? declaredLength = null, string magic = "\u0093NUMPY")
    {
        var text = Encoding.Latin1.GetBytes(header);
        int lengthBytes = major == 1 ? 2 : 4;
        var image = new byte[8 + lengthBytes + text.Length + dataBytes];
        Encoding.Latin1.GetBytes(magic).CopyTo(image, 0);
        image[6] = (byte)major;
        if (major == 1) BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(8), (ushort)(declaredLength ?? (uint)text.Length));
        else BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(8), declaredLength ?? (uint)text.Length);
        text.CopyTo(image, 8 + lengthBytes);
        return image;
    }
}
