using System.Text;
using System.Text.Json;

namespace ModelBuild.Core.Tensors.Safetensors;

/// <summary>
/// Parses and validates the JSON header. Everything a later step relies on (types, integer ranges, offsets
/// against the data section, shape against bytes, overlaps) is checked here, so the reader never maps or
/// reads bytes on the strength of an unchecked number.
/// </summary>
internal static class SafetensorsHeaderParser
{
    // Root object, tensor object, shape array: anything deeper is not a safetensors header.
    private const int MaxJsonDepth = 4;

    public static (List<SafetensorsHeaderEntry> Entries, Dictionary<string, string> Metadata) Parse(
        string path, ReadOnlyMemory<byte> header, long dataSectionLength, SafetensorsLimits limits)
    {
        JsonDocument document;
        try
        {
            // Strict UTF-8 first: JsonDocument would report invalid UTF-8 less precisely.
            _ = new UTF8Encoding(false, true).GetCharCount(header.Span);
            document = JsonDocument.Parse(header, new JsonDocumentOptions { MaxDepth = MaxJsonDepth });
        }
        catch (DecoderFallbackException e)
        {
            SafetensorsThrowHelper.ThrowHeader(path, $"the {header.Length}-byte header is not valid UTF-8 ({e.Message}).", e);
            throw;
        }
        catch (JsonException e)
        {
            SafetensorsThrowHelper.ThrowHeader(path, $"the {header.Length}-byte header is not valid JSON: {e.Message}", e);
            throw;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                SafetensorsThrowHelper.ThrowHeader(path, $"the header must be a JSON object, not {root.ValueKind}.");

            var entries = new List<SafetensorsHeaderEntry>();
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            bool sawMetadata = false;
            foreach (var property in root.EnumerateObject())
            {
                if (property.Name == SafetensorsLayout.MetadataKey)
                {
                    if (sawMetadata) SafetensorsThrowHelper.ThrowHeader(path, $"'{SafetensorsLayout.MetadataKey}' appears twice.");
                    sawMetadata = true;
                    ParseMetadata(path, property.Value, metadata);
                    continue;
                }
                if (!seen.Add(property.Name))
                    SafetensorsThrowHelper.ThrowHeader(path, $"tensor '{property.Name}' appears twice in the header.");
                entries.Add(ParseEntry(path, property.Name, entries.Count, property.Value, limits));
            }

            CheckRanges(path, entries, dataSectionLength);
            return (entries, metadata);
        }
    }

    private static void ParseMetadata(string path, JsonElement value, Dictionary<string, string> metadata)
    {
        if (value.ValueKind == JsonValueKind.Null) return;
        if (value.ValueKind != JsonValueKind.Object)
            SafetensorsThrowHelper.ThrowHeader(path, $"'{SafetensorsLayout.MetadataKey}' must be an object of strings, not {value.ValueKind}.");
        foreach (var item in value.EnumerateObject())
        {
            if (item.Value.ValueKind != JsonValueKind.String)
                SafetensorsThrowHelper.ThrowHeader(path, $"metadata '{item.Name}' must be a string, not {item.Value.ValueKind}.");
            if (!metadata.TryAdd(item.Name, item.Value.GetString()!))
                SafetensorsThrowHelper.ThrowHeader(path, $"metadata key '{item.Name}' appears twice.");
        }
    }

    private static SafetensorsHeaderEntry ParseEntry(string path, string name, int index, JsonElement value, SafetensorsLimits limits)
    {
        if (value.ValueKind != JsonValueKind.Object)
            SafetensorsThrowHelper.ThrowHeader(path, $"tensor '{name}' must be an object with dtype, shape and data_offsets, not {value.ValueKind}.");

        JsonElement? dtype = null, shape = null, offsets = null;
        foreach (var field in value.EnumerateObject())
        {
            // Unknown fields are ignored, as the reference implementation ignores them; repeated ones are not,
            // because which copy wins differs between JSON parsers.
            switch (field.Name)
            {
                case SafetensorsLayout.DTypeKey: dtype = Once(path, name, field, dtype); break;
                case SafetensorsLayout.ShapeKey: shape = Once(path, name, field, shape); break;
                case SafetensorsLayout.DataOffsetsKey: offsets = Once(path, name, field, offsets); break;
            }
        }
        if (dtype is null || shape is null || offsets is null)
        {
            var missing = new[] { (dtype, SafetensorsLayout.DTypeKey), (shape, SafetensorsLayout.ShapeKey), (offsets, SafetensorsLayout.DataOffsetsKey) }
                .Where(f => f.Item1 is null).Select(f => f.Item2);
            SafetensorsThrowHelper.ThrowHeader(path, $"tensor '{name}' lacks {string.Join(", ", missing)}.");
        }

        if (dtype.Value.ValueKind != JsonValueKind.String)
            SafetensorsThrowHelper.ThrowHeader(path, $"tensor '{name}': dtype must be a string, not {dtype.Value.ValueKind}.");
        string dtypeName = dtype.Value.GetString()!;

        if (shape.Value.ValueKind != JsonValueKind.Array)
            SafetensorsThrowHelper.ThrowHeader(path, $"tensor '{name}': shape must be an array, not {shape.Value.ValueKind}.");
        int rank = shape.Value.GetArrayLength();
        if (rank > limits.MaxRank)
            SafetensorsThrowHelper.ThrowHeader(path, $"tensor '{name}' has rank {rank}, above the limit of {limits.MaxRank}.");
        var dims = new long[rank];
        int d = 0;
        foreach (var dim in shape.Value.EnumerateArray())
            dims[d++] = NonNegativeInteger(path, name, "shape", dim);

        if (offsets.Value.ValueKind != JsonValueKind.Array || offsets.Value.GetArrayLength() != 2)
            SafetensorsThrowHelper.ThrowHeader(path, $"tensor '{name}': data_offsets must be an array [begin, end].");
        long begin = NonNegativeInteger(path, name, "data_offsets", offsets.Value[0]);
        long end = NonNegativeInteger(path, name, "data_offsets", offsets.Value[1]);
        if (begin > end)
            SafetensorsThrowHelper.ThrowRange(path, $"tensor '{name}' has data_offsets [{begin}, {end}]: begin is after end.");

        if (!SafetensorsDataTypes.TryParse(dtypeName, out var dataType))
            SafetensorsThrowHelper.ThrowUnknownDataType(path, name, dtypeName);

        long expected = ExpectedBytes(dims, DataTypes.SizeOf(dataType));
        if (expected != end - begin)
            SafetensorsThrowHelper.ThrowShapeMismatch(path, name, dtypeName, dims, expected, begin, end);

        return new SafetensorsHeaderEntry(name, index, dataType, dims, begin, end);
    }

    private static JsonElement Once(string path, string tensor, JsonProperty field, JsonElement? previous)
    {
        if (previous is not null)
            SafetensorsThrowHelper.ThrowHeader(path, $"tensor '{tensor}' has '{field.Name}' twice.");
        return field.Value;
    }

    private static long NonNegativeInteger(string path, string tensor, string field, JsonElement value)
    {
        // TryGetInt64 rejects fractions and exponents ("2.0", "1e3"), which serde's usize also rejects.
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long n) && n >= 0) return n;
        SafetensorsThrowHelper.ThrowHeader(path, $"tensor '{tensor}': {field} holds {Clip(value.GetRawText())}, not a non-negative 64-bit integer.");
        return 0;
    }

    // A hostile header can hold a megabyte-long "number"; the message only needs its start.
    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>Element count × element size; long.MaxValue on overflow, which can never equal a real span.</summary>
    private static long ExpectedBytes(long[] dims, int elementSize)
    {
        try
        {
            long count = elementSize;
            foreach (var dim in dims) count = checked(count * dim);
            return count;
        }
        catch (OverflowException)
        {
            return long.MaxValue;
        }
    }

    private static void CheckRanges(string path, List<SafetensorsHeaderEntry> entries, long dataSectionLength)
    {
        foreach (var e in entries)
        {
            if (e.End > dataSectionLength)
                SafetensorsThrowHelper.ThrowRange(path,
                    $"tensor '{e.Name}' has data_offsets [{e.Begin}, {e.End}] but the data section holds only {dataSectionLength} bytes.");
        }

        // Sorting by (begin, end) puts any overlap between neighbours; the header order breaks ties so the result
        // is the same on every run.
        entries.Sort(static (a, b) => a.Begin != b.Begin ? a.Begin.CompareTo(b.Begin)
            : a.End != b.End ? a.End.CompareTo(b.End) : a.HeaderIndex.CompareTo(b.HeaderIndex));
        SafetensorsHeaderEntry? furthest = null;
        foreach (var e in entries)
        {
            // Empty tensors own no bytes and cannot overlap anything.
            if (e.Begin == e.End) continue;
            if (furthest is not null && e.Begin < furthest.End)
                SafetensorsThrowHelper.ThrowRange(path,
                    $"tensor '{e.Name}' [{e.Begin}, {e.End}] overlaps tensor '{furthest.Name}' [{furthest.Begin}, {furthest.End}].");
            if (furthest is null || e.End > furthest.End) furthest = e;
        }
    }
}
