using System.Buffers;
using System.Buffers.Binary;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ModelBuild.Core.Tensors.Safetensors;

/// <summary>
/// Writes a <c>.safetensors</c> file the reference reader accepts: tensors packed back to back in the given
/// order, a compact JSON header (<c>__metadata__</c> first with keys in ordinal order, then tensors in the given
/// order) padded with spaces to a multiple of 8. Tensor bytes are streamed, never held in memory, and the file
/// appears atomically.
/// </summary>
public static class SafetensorsWriter
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        // Raw UTF-8 for non-ASCII names as serde_json writes them; quotes and control characters are still escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static void Write(string path, IEnumerable<NamedTensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var list = tensors.ToList();
        var header = BuildHeader(list, metadata);

        AtomicFile.Write(path, stream =>
        {
            Span<byte> prefix = stackalloc byte[SafetensorsLayout.HeaderLengthPrefixBytes];
            BinaryPrimitives.WriteUInt64LittleEndian(prefix, (ulong)header.Length);
            stream.Write(prefix);
            stream.Write(header);
            foreach (var tensor in list)
            {
                long before = stream.Position;
                tensor.Data.CopyTo(stream);
                long written = stream.Position - before;
                // A source file that changed since it was described would silently shift every later tensor.
                if (written != tensor.Data.ByteLength)
                    throw new IOException($"Tensor '{tensor.Name}' wrote {written} bytes instead of {tensor.Data.ByteLength}.");
            }
        });
    }

    internal static byte[] BuildHeader(IReadOnlyList<NamedTensor> tensors, IReadOnlyDictionary<string, string>? metadata)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                json.WriteStartObject(SafetensorsLayout.MetadataKey);
                foreach (var (key, value) in metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
                    json.WriteString(key, value);
                json.WriteEndObject();
            }

            long offset = 0;
            foreach (var tensor in tensors)
            {
                if (tensor.Name == SafetensorsLayout.MetadataKey)
                    throw new ArgumentException($"'{SafetensorsLayout.MetadataKey}' is reserved and cannot name a tensor.", nameof(tensors));
                if (!names.Add(tensor.Name))
                    throw new ArgumentException($"Tensor name '{tensor.Name}' appears twice.", nameof(tensors));
                var dtype = SafetensorsDataTypes.NameOf(tensor.Data.DataType)
                    ?? throw new ArgumentException($"Tensor '{tensor.Name}' is {DataTypes.Name(tensor.Data.DataType)}, which safetensors cannot hold.", nameof(tensors));
                long end = checked(offset + tensor.Data.ByteLength);

                json.WriteStartObject(tensor.Name);
                json.WriteString(SafetensorsLayout.DTypeKey, dtype);
                json.WriteStartArray(SafetensorsLayout.ShapeKey);
                foreach (var d in tensor.Data.Shape) json.WriteNumberValue(d);
                json.WriteEndArray();
                json.WriteStartArray(SafetensorsLayout.DataOffsetsKey);
                json.WriteNumberValue(offset);
                json.WriteNumberValue(end);
                json.WriteEndArray();
                json.WriteEndObject();
                offset = end;
            }
            json.WriteEndObject();
        }

        int padding = (SafetensorsLayout.HeaderAlignment - buffer.WrittenCount % SafetensorsLayout.HeaderAlignment) % SafetensorsLayout.HeaderAlignment;
        var header = new byte[buffer.WrittenCount + padding];
        buffer.WrittenSpan.CopyTo(header);
        header.AsSpan(buffer.WrittenCount).Fill((byte)' ');
        return header;
    }
}
