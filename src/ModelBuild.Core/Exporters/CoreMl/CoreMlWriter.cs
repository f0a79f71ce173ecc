using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;
using Google.Protobuf;
using ModelBuild.Core.CoreMl.Proto;
using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Graph;
using Proto = ModelBuild.Core.CoreMl.Proto;
using DataType = ModelBuild.Core.Tensors.DataType;
using Model = ModelBuild.Core.Graph.Model;

namespace ModelBuild.Core.Exporters.CoreMl;

/// <summary>
/// Writes a <see cref="Model"/> as a Core ML ML Program package (<c>.mlpackage</c>): <c>Manifest.json</c>,
/// <c>Data/com.apple.CoreML/model.mlmodel</c> (Model protobuf, specification 7, MIL opset CoreML6, function
/// <c>main</c>, float32 compute) and <c>Data/com.apple.CoreML/weights/weight.bin</c> (MIL blob storage v2, weights
/// streamed from the lazy tensors). Manifest identifiers are derived from the files' SHA-256, so the same model
/// gives the same bytes; the package is built in a temporary sibling folder and moved into place.
/// </summary>
public static class CoreMlWriter
{
    public static CoreMlWriteResult Write(Model model, string mlpackagePath)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(mlpackagePath);
        var full = Path.GetFullPath(mlpackagePath.TrimEnd('/', '\\'));
        var (spec, builder) = Build(model, full);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var modelBytes = spec.ToByteArray();
            var data = Path.Combine(temp, CoreMlLayout.DataFolder);
            var weights = Path.Combine(data, CoreMlLayout.WeightsPath);
            Directory.CreateDirectory(weights);
            File.WriteAllBytes(Path.Combine(data, CoreMlLayout.ModelPath), modelBytes);
            var weightPath = Path.Combine(weights, CoreMlLayout.WeightFile);
            WriteBlobs(weightPath, builder);
            File.WriteAllBytes(Path.Combine(temp, CoreMlLayout.ManifestFile), Manifest(modelBytes, weightPath));
            if (Directory.Exists(full)) Directory.Delete(full, recursive: true);
            else if (File.Exists(full)) File.Delete(full);
            Directory.Move(temp, full);
            return new CoreMlWriteResult(full, modelBytes.Length, builder.BlobFileLength, builder.Operations.Count);
        }
        catch (IOException e)
        {
            throw CoreMlThrowHelper.NotWritable(full, e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw CoreMlThrowHelper.NotWritable(full, e);
        }
        finally
        {
            try { if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    internal static (Proto.Model Spec, CoreMlProgramBuilder Builder) Build(Model model, string path)
    {
        GraphValidator.Validate(model, path, DiagnosticCode.OutputGraphInvalid);
        var graph = model.Graph;
        var shapes = ShapeInference.Infer(model);
        long opset = model.OpsetImports.TryGetValue("", out var v) ? v : 17;
        var b = new CoreMlProgramBuilder(path, shapes, ShapeInference.Constants(graph), opset);
        var initializers = graph.Initializers.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var function = new Function { Opset = CoreMlLayout.Opset };
        var description = new ModelDescription();
        foreach (var input in graph.Inputs.Where(i => !initializers.Contains(i.Name)))
        {
            var dims = CheckedDims(input, path);
            var name = b.Declare(input.Name, dims, DataType.Float32);
            function.Inputs.Add(new NamedValueType { Name = name, Type = CoreMlProgramBuilder.TensorTypeOf(Proto.DataType.Float32, dims) });
            description.Input.Add(Feature(name, dims));
        }
        foreach (var node in graph.Nodes)
        {
            if (node.Domain.Length != 0 || !CoreMlOpTable.Converters.TryGetValue(node.OpType, out var convert))
                throw CoreMlThrowHelper.UnsupportedOperator(path, node);
            if (node.Outputs.Where(o => o.Length > 0 && shapes.ContainsKey(o)).Any(o => shapes[o].ElementType != DataType.Float32 || (shapes[o].Shape?.Rank ?? 0) > CoreMlLayout.MaxRank))
                throw CoreMlThrowHelper.UnsupportedFeature(path, node, $"outputs must be float32 of rank at most {CoreMlLayout.MaxRank}");
            try
            {
                convert(b, node);
            }
            catch (InvalidOperationException e)
            {
                throw CoreMlThrowHelper.UnsupportedFeature(path, node, e.Message);
            }
        }
        var block = new Block();
        block.Operations.AddRange(b.Operations);
        foreach (var output in graph.Outputs)
        {
            var dims = CheckedDims(output, path, b.DimsOf(output.Name));
            var name = b.Value(output.Name);
            block.Outputs.Add(name);
            description.Output.Add(Feature(name, dims));
        }
        function.BlockSpecializations.Add(CoreMlLayout.Opset, block);
        var program = new Program { Version = 1 };
        program.Functions.Add(CoreMlLayout.FunctionName, function);
        description.Metadata = new Metadata { ShortDescription = graph.DocString ?? "", Author = "ModelBuild" };
        foreach (var (key, value) in model.Metadata) description.Metadata.UserDefined.Add(key, value);
        return (new Proto.Model { SpecificationVersion = CoreMlLayout.SpecificationVersion, Description = description, MlProgram = program }, b);
    }

    private static long[] CheckedDims(ValueInfo value, string path, long[]? inferred = null)
    {
        if (value.ElementType != DataType.Float32)
            throw CoreMlThrowHelper.UnsupportedFeature(path, null, $"'{value.Name}' is {Tensors.DataTypes.Name(value.ElementType)}; model inputs and outputs must be float32");
        var dims = inferred ?? value.Shape?.Dims.Select(d => d.Value ?? -1).ToArray()
            ?? throw CoreMlThrowHelper.UnsupportedFeature(path, null, $"'{value.Name}' has no known rank");
        if (dims.Length > CoreMlLayout.MaxRank) throw CoreMlThrowHelper.UnsupportedFeature(path, null, $"'{value.Name}' has rank {dims.Length}, above {CoreMlLayout.MaxRank}");
        return dims;
    }

    /// <summary>A float32 multi-array feature; dynamic sizes default to 1 with an unbounded range.</summary>
    private static FeatureDescription Feature(string name, long[] dims)
    {
        var array = new ArrayFeatureType { DataType = ArrayFeatureType.Types.ArrayDataType.Float32 };
        array.Shape.AddRange(dims.Select(d => d < 0 ? 1 : d));
        if (dims.Any(d => d < 0))
        {
            array.ShapeRange = new ArrayFeatureType.Types.ShapeRange();
            foreach (var d in dims) array.ShapeRange.SizeRanges.Add(d < 0 ? new SizeRange { LowerBound = 1, UpperBound = -1 } : new SizeRange { LowerBound = (ulong)d, UpperBound = d });
        }
        return new FeatureDescription { Name = name, Type = new FeatureType { MultiArrayType = array } };
    }

    private static void WriteBlobs(string path, CoreMlProgramBuilder b)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        Span<byte> header = stackalloc byte[CoreMlLayout.HeaderSize];
        header.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(header, (uint)b.Blobs.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], CoreMlLayout.StorageVersion);
        stream.Write(header);
        Span<byte> zeros = stackalloc byte[CoreMlLayout.Alignment];
        zeros.Clear();
        Span<byte> meta = stackalloc byte[CoreMlLayout.MetadataSize];
        foreach (var blob in b.Blobs)
        {
            stream.Write(zeros[..(int)(blob.MetadataOffset - stream.Position)]);
            meta.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(meta, CoreMlLayout.Sentinel);
            BinaryPrimitives.WriteUInt32LittleEndian(meta[4..], CoreMlLayout.BlobFloat32);
            BinaryPrimitives.WriteUInt64LittleEndian(meta[8..], (ulong)blob.Data.ByteLength);
            BinaryPrimitives.WriteUInt64LittleEndian(meta[16..], (ulong)blob.DataOffset);
            stream.Write(meta);
            blob.Data.CopyTo(stream);
            if (stream.Position != blob.DataOffset + blob.Data.ByteLength)
                throw new ModelBuildException(DiagnosticCode.InternalError, path, $"A weight yielded {stream.Position - blob.DataOffset} bytes instead of {blob.Data.ByteLength}.");
        }
        stream.Write(zeros[..(int)(b.BlobFileLength - stream.Position)]);
    }

    private static byte[] Manifest(byte[] modelBytes, string weightPath)
    {
        string modelId = ContentId(SHA256.HashData(modelBytes));
        string weightsId;
        using (var weights = File.OpenRead(weightPath)) weightsId = ContentId(SHA256.HashData(weights), salt: 1);
        var entries = new SortedDictionary<string, (string Name, string Description, string Path)>(StringComparer.Ordinal)
        {
            [modelId] = ("model.mlmodel", "CoreML Model Specification", CoreMlLayout.ModelPath),
            [weightsId] = ("weights", "CoreML Model Weights", CoreMlLayout.WeightsPath),
        };
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteString("fileFormatVersion", CoreMlLayout.FileFormatVersion);
            json.WriteStartObject("itemInfoEntries");
            foreach (var (id, e) in entries)
            {
                json.WriteStartObject(id);
                json.WriteString("author", CoreMlLayout.Author);
                json.WriteString("description", e.Description);
                json.WriteString("name", e.Name);
                json.WriteString("path", e.Path);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteString("rootModelIdentifier", modelId);
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>A UUID-shaped identifier (version-4 layout bits set) from the first 16 bytes of a content hash.</summary>
    private static string ContentId(byte[] hash, byte salt = 0)
    {
        var bytes = hash[..16];
        bytes[15] ^= salt;
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexString(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }
}
