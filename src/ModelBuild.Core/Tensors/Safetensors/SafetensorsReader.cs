using System.Buffers.Binary;

namespace ModelBuild.Core.Tensors.Safetensors;

/// <summary>
/// Opens a <c>.safetensors</c> file: an 8-byte little-endian header length N, N bytes of UTF-8 JSON, then the
/// data section the header's offsets point into. Only the header is read; tensors stay on disk as
/// <see cref="TensorData"/> regions so exporters stream them.
/// </summary>
public static class SafetensorsReader
{
    public static SafetensorsFile Read(string path, SafetensorsLimits? limits = null)
    {
        limits ??= SafetensorsLimits.Default;
        path = Path.GetFullPath(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        long fileLength = stream.Length;

        if (fileLength < SafetensorsLayout.HeaderLengthPrefixBytes)
            SafetensorsThrowHelper.ThrowHeader(path, $"the file is {fileLength} bytes, shorter than the {SafetensorsLayout.HeaderLengthPrefixBytes}-byte header length prefix.");

        Span<byte> prefix = stackalloc byte[SafetensorsLayout.HeaderLengthPrefixBytes];
        stream.ReadExactly(prefix);
        // Read as unsigned: a length with the top bit set is a huge length, not a negative one.
        ulong declared = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        long available = fileLength - SafetensorsLayout.HeaderLengthPrefixBytes;

        if (declared == 0)
            SafetensorsThrowHelper.ThrowHeader(path, "the header length is 0; a header holds at least '{}'.");
        if (declared > (ulong)limits.MaxHeaderBytes)
            SafetensorsThrowHelper.ThrowHeader(path, $"the header length {declared} is above the limit of {limits.MaxHeaderBytes} bytes.");
        if (declared > (ulong)available)
            SafetensorsThrowHelper.ThrowHeader(path, $"the header length {declared} runs past the end of the file: only {available} bytes follow the length prefix.");

        // Both checks above bound the length by the limit and the file size, so this allocation is safe.
        int headerLength = checked((int)declared);
        var header = new byte[headerLength];
        stream.ReadExactly(header);

        long dataStart = SafetensorsLayout.HeaderLengthPrefixBytes + headerLength;
        var (entries, metadata) = SafetensorsHeaderParser.Parse(path, header, fileLength - dataStart, limits);

        var tensors = new NamedTensor[entries.Count];
        for (int i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            tensors[i] = new NamedTensor(e.Name, TensorData.FromFile(path, dataStart + e.Begin, e.End - e.Begin, e.DataType, e.Shape));
        }
        return new SafetensorsFile(path, dataStart, fileLength, tensors, metadata);
    }
}
