using System.Buffers.Binary;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace ModelBuild.Core.Exporters.Ort;

/// <summary>
/// The header facts of an ORT format file: the <c>ORTM</c> identifier and <c>InferenceSession.ort_version</c>,
/// the format version a loading ONNX Runtime must support (a reader must be at least the writer's version).
/// Read with bounded random access: the file also holds the weights and may be large.
/// </summary>
public sealed record OrtFormatInfo(string FormatVersion)
{
    public static OrtFormatInfo Read(string path)
    {
        using var handle = File.OpenHandle(path);
        long length = RandomAccess.GetLength(handle);
        if (length < OrtLayout.MinimumLength)
            throw OrtThrowHelper.BadHeader(path, 0, $"at least {OrtLayout.MinimumLength} bytes", $"{length} bytes");
        var identifier = Encoding.ASCII.GetString(ReadBytes(handle, path, length, OrtLayout.IdentifierPosition, OrtLayout.IdentifierLength));
        if (identifier != OrtLayout.Identifier)
            throw OrtThrowHelper.BadHeader(path, OrtLayout.IdentifierPosition, $"identifier '{OrtLayout.Identifier}'", $"'{Printable(identifier)}'");

        long table = ReadUInt32(handle, path, length, OrtLayout.RootOffsetPosition);
        long vtable = checked(table - ReadInt32(handle, path, length, table));
        int vtableSize = ReadUInt16(handle, path, length, vtable);
        long slot = OrtLayout.VtableHeaderLength + 2L * OrtLayout.OrtVersionField;
        int fieldOffset = slot + 2 <= vtableSize ? ReadUInt16(handle, path, length, checked(vtable + slot)) : 0;
        if (fieldOffset == 0)
            throw OrtThrowHelper.BadHeader(path, vtable, "an ort_version field", "none");
        long field = checked(table + fieldOffset);
        long text = checked(field + ReadUInt32(handle, path, length, field));
        long textLength = ReadUInt32(handle, path, length, text);
        if (textLength is 0 or > OrtLayout.MaxVersionLength)
            throw OrtThrowHelper.BadHeader(path, text, $"a version string of 1..{OrtLayout.MaxVersionLength} bytes", $"{textLength} bytes");
        var version = Encoding.UTF8.GetString(ReadBytes(handle, path, length, checked(text + 4), (int)textLength));
        return new OrtFormatInfo(version);
    }

    private static byte[] ReadBytes(SafeFileHandle handle, string path, long length, long offset, int count)
    {
        if (offset < 0 || count < 0 || checked(offset + count) > length)
            throw OrtThrowHelper.BadHeader(path, offset, $"{count} bytes inside the {length}-byte file", "an offset past its end");
        var buffer = new byte[count];
        int read = 0;
        while (read < count)
        {
            int n = RandomAccess.Read(handle, buffer.AsSpan(read), offset + read);
            if (n == 0) throw OrtThrowHelper.BadHeader(path, offset + read, $"{count} bytes", $"{read} bytes");
            read += n;
        }
        return buffer;
    }

    private static uint ReadUInt32(SafeFileHandle h, string path, long length, long offset) => BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(h, path, length, offset, 4));

    private static int ReadInt32(SafeFileHandle h, string path, long length, long offset) => BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(h, path, length, offset, 4));

    private static ushort ReadUInt16(SafeFileHandle h, string path, long length, long offset) => BinaryPrimitives.ReadUInt16LittleEndian(ReadBytes(h, path, length, offset, 2));

    private static string Printable(string text) => new(text.Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());
}
