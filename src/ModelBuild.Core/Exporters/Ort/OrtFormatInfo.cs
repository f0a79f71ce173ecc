using System.Text;

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
        using var reader = OrtFileReader.Open(path);
        var root = ReadRoot(reader);
        long text = reader.Reference(root, OrtLayout.OrtVersionField);
        if (text == 0)
            throw OrtThrowHelper.NotOrtFormat(path, root.Vtable, "an ort_version field", "none");
        long textLength = reader.UInt32(text);
        if (textLength is 0 or > OrtLayout.MaxVersionLength)
            throw OrtThrowHelper.NotOrtFormat(path, text, $"a version string of 1..{OrtLayout.MaxVersionLength} bytes", $"{textLength} bytes");
        var version = Encoding.UTF8.GetString(reader.StringBytes(text, OrtLayout.MaxVersionLength));
        return new OrtFormatInfo(version);
    }

    /// <summary>Checks the length and the <c>ORTM</c> identifier, then opens the root <c>InferenceSession</c> table.</summary>
    internal static OrtTable ReadRoot(OrtFileReader reader)
    {
        if (reader.Length < OrtLayout.MinimumLength)
            throw OrtThrowHelper.NotOrtFormat(reader.Path, 0, $"at least {OrtLayout.MinimumLength} bytes", $"{reader.Length} bytes");
        var identifier = Encoding.ASCII.GetString(reader.Bytes(OrtLayout.IdentifierPosition, OrtLayout.IdentifierLength));
        if (identifier != OrtLayout.Identifier)
            throw OrtThrowHelper.NotOrtFormat(reader.Path, OrtLayout.IdentifierPosition, $"identifier '{OrtLayout.Identifier}'", $"'{Printable(identifier)}'");
        return reader.Table(reader.Follow(OrtLayout.RootOffsetPosition));
    }

    private static string Printable(string text) => new(text.Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());
}
