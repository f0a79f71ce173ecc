using System.Buffers.Binary;
using System.Text;

namespace ModelBuild.Core.Tensors.Numpy;

/// <summary>
/// Writes .npy exactly as numpy 1.24's <c>np.save</c> does for a C-ordered array (same header text, growth-axis
/// spare space and 64-byte alignment), so the bytes can be compared with numpy's own output.
/// </summary>
public static class NpyWriter
{
    public static void Write(string path, TensorData tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var header = BuildHeader(tensor);
        AtomicFile.Write(path, stream => WriteBody(stream, header, tensor));
    }

    /// <summary>Writes header and data to <paramref name="destination"/>, streaming the data.</summary>
    public static void WriteTo(Stream destination, TensorData tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        WriteBody(destination, BuildHeader(tensor), tensor);
    }

    private static void WriteBody(Stream destination, byte[] header, TensorData tensor)
    {
        destination.Write(header);
        tensor.CopyTo(destination);
    }

    internal static byte[] BuildHeader(TensorData tensor)
    {
        var descr = NpyDataTypes.DescrOf(tensor.DataType)
            ?? throw new ArgumentException($"{DataTypes.Name(tensor.DataType)} has no numpy dtype.", nameof(tensor));
        var shape = tensor.Shape;
        string shapeText = shape.Count switch
        {
            0 => "()",
            1 => $"({shape[0]},)",
            _ => $"({string.Join(", ", shape)})",
        };
        var text = new StringBuilder()
            .Append("{'descr': '").Append(descr).Append("', 'fortran_order': False, 'shape': ").Append(shapeText).Append(", }");
        // numpy reserves room for the first axis to grow to 21 digits so appenders can rewrite the header in place.
        if (shape.Count > 0)
            text.Append(' ', Math.Max(0, NpyLayout.GrowthAxisMaxDigits - shape[0].ToString(System.Globalization.CultureInfo.InvariantCulture).Length));

        // Version 1.0 (2-byte length) when it fits, else 2.0 (4-byte length), as numpy's version guess does.
        var ascii = Encoding.ASCII.GetBytes(text.ToString());
        foreach (int lengthBytes in new[] { 2, 4 })
        {
            int prefix = NpyLayout.MagicAndVersionBytes + lengthBytes;
            int hlen = ascii.Length + 1; // the closing '\n'
            int padding = NpyLayout.DataAlignment - (prefix + hlen) % NpyLayout.DataAlignment;
            long total = (long)hlen + padding;
            if (lengthBytes == 2 && total > ushort.MaxValue) continue;

            var header = new byte[prefix + total];
            NpyLayout.Magic.CopyTo(header);
            header[6] = (byte)(lengthBytes == 2 ? 1 : 2);
            header[7] = 0;
            if (lengthBytes == 2) BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), (ushort)total);
            else BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), (uint)total);
            ascii.CopyTo(header, prefix);
            header.AsSpan(prefix + ascii.Length, padding).Fill((byte)' ');
            header[^1] = (byte)'\n';
            return header;
        }
        throw new System.Diagnostics.UnreachableException();
    }
}
