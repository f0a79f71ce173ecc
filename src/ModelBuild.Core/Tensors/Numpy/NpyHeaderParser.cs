using System.Buffers.Binary;
using System.Text;

namespace ModelBuild.Core.Tensors.Numpy;

/// <summary>
/// Reads the .npy preamble and its Python-literal header dict. numpy evaluates the header with
/// <c>ast.literal_eval</c>; this parser accepts only the subset numpy writes (a dict of the three keys, string
/// and bool values, a tuple of non-negative integers) and runs in one bounded pass, so garbage is an error and
/// never work proportional to anything but the capped header length.
/// </summary>
internal static class NpyHeaderParser
{
    /// <summary>Reads magic, version, header length and header from <paramref name="source"/>'s current position.</summary>
    public static NpyHeader Read(Stream source, string path, string? entry)
    {
        Span<byte> preamble = stackalloc byte[NpyLayout.MagicAndVersionBytes + 4];
        int got = source.ReadAtLeast(preamble[..(NpyLayout.MagicAndVersionBytes + 2)], NpyLayout.MagicAndVersionBytes + 2, throwOnEndOfStream: false);
        if (got < NpyLayout.MagicAndVersionBytes + 2)
            NpyThrowHelper.Throw(path, entry, $"the data is {got} bytes, too short for the .npy preamble ({NpyLayout.MagicAndVersionBytes + 2} bytes).");
        if (!preamble[..NpyLayout.Magic.Length].SequenceEqual(NpyLayout.Magic))
            NpyThrowHelper.Throw(path, entry, $"the data does not start with the .npy magic \\x93NUMPY (found {Convert.ToHexString(preamble[..NpyLayout.Magic.Length])}).");

        int major = preamble[6], minor = preamble[7];
        if (minor != 0 || major is < 1 or > 3)
            NpyThrowHelper.Throw(path, entry, $".npy format version {major}.{minor} is not supported (1.0, 2.0 and 3.0 are).");

        long headerLength;
        int lengthBytes = major == 1 ? 2 : 4;
        if (major == 1)
        {
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(preamble[8..10]);
        }
        else
        {
            if (source.ReadAtLeast(preamble[10..12], 2, throwOnEndOfStream: false) < 2)
                NpyThrowHelper.Throw(path, entry, "the data ends inside the .npy header length.");
            headerLength = BinaryPrimitives.ReadUInt32LittleEndian(preamble[8..12]);
        }
        if (headerLength > NpyLayout.MaxHeaderBytes)
            NpyThrowHelper.Throw(path, entry, $"the .npy header declares {headerLength} bytes, above the limit of {NpyLayout.MaxHeaderBytes}.");
        if (source.CanSeek && headerLength > source.Length - source.Position)
            NpyThrowHelper.Throw(path, entry, $"the .npy header declares {headerLength} bytes but only {source.Length - source.Position} remain.");

        var header = new byte[headerLength];
        int read = source.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (read < header.Length)
            NpyThrowHelper.Throw(path, entry, $"the .npy header declares {headerLength} bytes but the data ends after {read}.");

        var (descr, fortran, shape) = ParseDict(header, major, path, entry);
        if (!NpyDataTypes.TryParse(descr, out var type, out bool bigEndian))
            NpyThrowHelper.Throw(path, entry, $"dtype '{descr}' is not supported (little- or big-endian f2 f4 f8 i1 i2 i4 i8 u1 u2 u4 u8 b1 are; structured, string and object arrays are not).");

        long dataOffset = NpyLayout.MagicAndVersionBytes + lengthBytes + headerLength;
        var result = new NpyHeader(type, bigEndian, fortran, shape, dataOffset, major);
        try
        {
            _ = result.DataLength;
        }
        catch (OverflowException e)
        {
            NpyThrowHelper.Throw(path, entry, $"shape ({string.Join(", ", shape)}) of {descr} overflows a 64-bit byte count.", e);
        }
        return result;
    }

    private static (string Descr, bool Fortran, long[] Shape) ParseDict(byte[] header, int major, string path, string? entry)
    {
        // Versions 1 and 2 are latin-1, version 3 UTF-8; the accepted grammar is ASCII, so a non-ASCII byte is
        // only legal inside a string literal, where it makes the descr unknown rather than misread.
        var cursor = new Cursor(header, path, entry);
        string? descr = null;
        bool? fortran = null;
        long[]? shape = null;

        cursor.Expect((byte)'{');
        while (true)
        {
            cursor.SkipSpace();
            if (cursor.TryTake((byte)'}')) break;
            string key = cursor.ReadString();
            cursor.Expect((byte)':');
            switch (key)
            {
                case NpyLayout.DescrKey when descr is null: descr = cursor.ReadString(); break;
                case NpyLayout.FortranOrderKey when fortran is null: fortran = cursor.ReadBool(); break;
                case NpyLayout.ShapeKey when shape is null: shape = cursor.ReadShape(); break;
                case NpyLayout.DescrKey or NpyLayout.FortranOrderKey or NpyLayout.ShapeKey:
                    cursor.Fail($"key '{key}' appears twice"); break;
                default:
                    cursor.Fail($"unexpected key '{Clip(key)}' (a .npy header holds exactly 'descr', 'fortran_order' and 'shape')"); break;
            }
            cursor.SkipSpace();
            if (cursor.TryTake((byte)',')) continue;
            cursor.Expect((byte)'}');
            break;
        }
        cursor.RequireOnlySpaceLeft();

        if (descr is null || fortran is null || shape is null)
        {
            var missing = new[] { (descr is null, NpyLayout.DescrKey), (fortran is null, NpyLayout.FortranOrderKey), (shape is null, NpyLayout.ShapeKey) }
                .Where(m => m.Item1).Select(m => $"'{m.Item2}'");
            NpyThrowHelper.Throw(path, entry, $"the .npy header lacks {string.Join(", ", missing)} (version {major}.0 header: \"{Clip(Encoding.Latin1.GetString(header).TrimEnd())}\").");
        }
        return (descr, fortran.Value, shape);
    }

    /// <summary>Shortens and de-controls header text so a garbage header still makes a one-line message.</summary>
    internal static string Clip(string text)
    {
        var shown = text.Length <= 80 ? text : text[..80] + "…";
        return string.Create(shown.Length, shown, static (span, s) =>
        {
            for (int i = 0; i < s.Length; i++) span[i] = char.IsControl(s[i]) ? '?' : s[i];
        });
    }

    /// <summary>A forward-only position in the header with the few token readers the grammar needs.</summary>
    private sealed class Cursor(byte[] text, string path, string? entry)
    {
        private int _at;

        public void SkipSpace()
        {
            while (_at < text.Length && text[_at] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r') _at++;
        }

        public bool TryTake(byte c)
        {
            SkipSpace();
            if (_at < text.Length && text[_at] == c) { _at++; return true; }
            return false;
        }

        public void Expect(byte c)
        {
            if (!TryTake(c)) Fail($"expected '{(char)c}'");
        }

        public string ReadString()
        {
            SkipSpace();
            if (_at >= text.Length || text[_at] is not ((byte)'\'' or (byte)'"')) Fail("expected a quoted string");
            byte quote = text[_at++];
            int start = _at;
            while (_at < text.Length && text[_at] != quote)
            {
                // Escapes never occur in what numpy writes; refusing them keeps the parser a plain scan.
                if (text[_at] is (byte)'\\' or (byte)'\n') Fail("escape or line break inside a string");
                _at++;
            }
            if (_at >= text.Length) Fail("unterminated string");
            return Encoding.Latin1.GetString(text, start, _at++ - start);
        }

        public bool ReadBool()
        {
            SkipSpace();
            if (Match("True")) return true;
            if (Match("False")) return false;
            Fail("fortran_order must be True or False");
            return false;
        }

        public long[] ReadShape()
        {
            Expect((byte)'(');
            var dims = new List<long>();
            bool trailingComma = false;
            while (!TryTake((byte)')'))
            {
                if (dims.Count > 0 && !trailingComma) Fail("expected ',' or ')' in shape");
                if (dims.Count == NpyLayout.MaxRank) Fail($"shape has more than {NpyLayout.MaxRank} dimensions");
                dims.Add(ReadDimension());
                trailingComma = TryTake((byte)',');
            }
            // "(3)" is the integer 3 in Python, not a tuple: numpy would reject it, so do we.
            if (dims.Count == 1 && !trailingComma) Fail("a one-dimensional shape needs a trailing comma, as in (3,)");
            return dims.ToArray();
        }

        private long ReadDimension()
        {
            SkipSpace();
            int start = _at;
            long value = 0;
            while (_at < text.Length && text[_at] is >= (byte)'0' and <= (byte)'9')
            {
                if (_at - start >= 19) Fail("shape dimension has more than 18 digits");
                value = value * 10 + (text[_at++] - '0');
            }
            if (_at == start) Fail("shape dimensions must be non-negative integers");
            return value;
        }

        private bool Match(string word)
        {
            if (_at + word.Length > text.Length) return false;
            for (int i = 0; i < word.Length; i++)
                if (text[_at + i] != word[i]) return false;
            _at += word.Length;
            return true;
        }

        public void RequireOnlySpaceLeft()
        {
            SkipSpace();
            if (_at != text.Length) Fail("unexpected text after the header dict");
        }

        [System.Diagnostics.CodeAnalysis.DoesNotReturn]
        public void Fail(string problem)
        {
            var shown = Clip(Encoding.Latin1.GetString(text).TrimEnd());
            NpyThrowHelper.Throw(path, entry, $"malformed .npy header at byte {_at}: {problem} (header: \"{shown}\").");
        }
    }
}
