using System.Globalization;
using System.Reflection;
using Google.Protobuf;
using ModelBuild.Core.Caching;
using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Onnx.Proto;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Exporters.Onnx;

/// <summary>
/// Writes a <see cref="Model"/> as ONNX, streaming weights instead of building the whole ModelProto in memory:
/// the structure is serialised by Google.Protobuf, the graph's length prefix is computed from known sizes, and
/// each initializer's bytes are copied from its <see cref="TensorData"/> straight into the file. Output is
/// byte-for-byte deterministic, and it appears atomically: temp files in the target folder, renamed at the end.
/// </summary>
public static class OnnxWriter
{
    public static OnnxWriteResult Write(Model model, string path, OnnxWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new OnnxWriterOptions();
        var fullPath = Path.GetFullPath(path);

        // Everything that can be wrong with the graph is found before the first byte is written.
        GraphValidator.Validate(model, fullPath, DiagnosticCode.OutputGraphInvalid);
        CheckWritable(model.Graph, fullPath);

        var producerVersion = options.ProducerVersion ?? DefaultProducerVersion();
        var modelProto = OnnxProtoBuilder.BuildModelWithoutGraph(model, producerVersion);
        var graphProto = OnnxProtoBuilder.BuildGraph(model.Graph, withInitializers: false);
        var plans = model.Graph.Initializers.Select(i => new OnnxInitializerPlan(OnnxProtoBuilder.BuildTensorHeader(i.Name, i.Data), i.Data)).ToList();

        long weightBytes = plans.Sum(p => p.Data.ByteLength);
        long inlineSize = ModelSize(modelProto, graphProto, plans);
        bool external = NeedsExternalData(inlineSize, weightBytes, options);
        var dataFileName = Path.GetFileName(fullPath) + OnnxLayout.ExternalDataSuffix;
        long dataLength = external ? PlanExternal(plans, dataFileName) : 0;
        long modelSize = external ? ModelSize(modelProto, graphProto, plans) : inlineSize;
        if (modelSize > OnnxLayout.MaxModelFileBytes)
            throw OnnxThrowHelper.GraphInvalid(fullPath, $"The model's structure alone needs {modelSize} bytes, beyond protobuf's 2 GB limit, even with external data.");

        return Commit(fullPath, external ? Path.Combine(Path.GetDirectoryName(fullPath)!, dataFileName) : null, modelProto, graphProto, plans, modelSize, dataLength);
    }

    /// <summary>Whether weights must leave the model file: asked for, above the threshold, or over protobuf's limit.</summary>
    internal static bool NeedsExternalData(long inlineModelSize, long weightBytes, OnnxWriterOptions options) =>
        options.ForceExternalData || weightBytes > options.ExternalDataThreshold || inlineModelSize > OnnxLayout.MaxModelFileBytes;

    private static void CheckWritable(Graph.Graph graph, string path)
    {
        foreach (var init in graph.Initializers)
        {
            if (DataTypes.SizeOf(init.Data.DataType) == 0)
                throw OnnxThrowHelper.GraphInvalid(path, $"Initializer '{init.Name}' has element type {DataTypes.Name(init.Data.DataType)}, which the ONNX writer cannot store.");
        }
    }

    private static string DefaultProducerVersion()
    {
        var version = typeof(OnnxWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(OnnxWriter).Assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        // The SDK appends "+<commit>"; a commit hash in the file would make identical conversions differ by branch.
        int plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 ? version[..plus] : version;
    }

    /// <summary>Assigns aligned offsets to tensors of at least 1 KiB and returns the data file's length.</summary>
    private static long PlanExternal(List<OnnxInitializerPlan> plans, string location)
    {
        long end = 0;
        foreach (var plan in plans)
        {
            long length = plan.Data.ByteLength;
            if (length < OnnxLayout.MinExternalTensorBytes) continue;
            long offset = Align(end);
            plan.IsExternal = true;
            plan.ExternalOffset = offset;
            plan.Header.DataLocation = TensorProto.Types.DataLocation.External;
            plan.Header.ExternalData.Add(new StringStringEntryProto { Key = OnnxLayout.ExternalLocationKey, Value = location });
            plan.Header.ExternalData.Add(new StringStringEntryProto { Key = OnnxLayout.ExternalOffsetKey, Value = offset.ToString(CultureInfo.InvariantCulture) });
            plan.Header.ExternalData.Add(new StringStringEntryProto { Key = OnnxLayout.ExternalLengthKey, Value = length.ToString(CultureInfo.InvariantCulture) });
            end = offset + length;
        }
        return end;
    }

    private static long Align(long offset) => (offset + OnnxLayout.ExternalAlignment - 1) / OnnxLayout.ExternalAlignment * OnnxLayout.ExternalAlignment;

    private static long TensorMessageSize(OnnxInitializerPlan plan)
    {
        long size = plan.Header.CalculateSize();
        if (plan.IsExternal) return size;
        long raw = plan.Data.ByteLength;
        return size + CodedOutputStream.ComputeTagSize(TensorProto.RawDataFieldNumber) + LengthSize(raw) + raw;
    }

    private static long GraphSize(GraphProto graph, List<OnnxInitializerPlan> plans)
    {
        long size = graph.CalculateSize();
        int tag = CodedOutputStream.ComputeTagSize(GraphProto.InitializerFieldNumber);
        foreach (var plan in plans)
        {
            long message = TensorMessageSize(plan);
            size += tag + LengthSize(message) + message;
        }
        return size;
    }

    private static long ModelSize(ModelProto model, GraphProto graph, List<OnnxInitializerPlan> plans)
    {
        long graphSize = GraphSize(graph, plans);
        return model.CalculateSize() + CodedOutputStream.ComputeTagSize(ModelProto.GraphFieldNumber) + LengthSize(graphSize) + graphSize;
    }

    private static int LengthSize(long length) => CodedOutputStream.ComputeUInt64Size((ulong)length);

    private static OnnxWriteResult Commit(string modelPath, string? dataPath, ModelProto modelProto, GraphProto graphProto, List<OnnxInitializerPlan> plans, long modelSize, long dataLength)
    {
        string? modelTemp = null, dataTemp = null;
        bool committed = false, dataMoved = false;
        string modelSha256;
        OnnxWrittenFile? dataWritten;
        try
        {
            var directory = Path.GetDirectoryName(modelPath)!;
            Directory.CreateDirectory(directory);
            modelTemp = TempPath(modelPath);
            string? dataSha256 = null;
            if (dataPath is not null)
            {
                dataTemp = TempPath(dataPath);
                dataSha256 = WriteData(dataTemp, plans, dataLength);
            }
            modelSha256 = WriteModel(modelTemp, modelProto, graphProto, plans, modelSize);
            dataWritten = dataPath is null ? null : new OnnxWrittenFile(dataPath, dataLength, dataSha256!);

            // Data first: a model that appears must find its weights. An old model beside the new data file is the
            // only mixed state, and it lasts only between the two renames (or until cleanup if the second fails).
            if (dataTemp is not null)
            {
                File.Move(dataTemp, dataPath!, overwrite: true);
                dataMoved = true;
            }
            File.Move(modelTemp, modelPath, overwrite: true);
            committed = true;
        }
        catch (IOException e)
        {
            throw OnnxThrowHelper.NotWritable(modelPath, e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw OnnxThrowHelper.NotWritable(modelPath, e);
        }
        finally
        {
            if (!committed)
            {
                DeleteQuietly(modelTemp);
                DeleteQuietly(dataTemp);
                // The old data file was already replaced, so the new one belongs to no model: remove it too.
                if (dataMoved) DeleteQuietly(dataPath);
            }
        }
        return new OnnxWriteResult(new OnnxWrittenFile(modelPath, modelSize, modelSha256), dataWritten);
    }

    private static string TempPath(string finalPath) =>
        Path.Combine(Path.GetDirectoryName(finalPath)!, $".{Path.GetFileName(finalPath)}.{Guid.NewGuid():N}.tmp");

    private static void DeleteQuietly(string? path)
    {
        if (path is null) return;
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The original failure is what the user must see; a temp file we could not remove is secondary.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Writes the model file and returns its sha256, hashed on the way out (no read-back pass).</summary>
    private static string WriteModel(string path, ModelProto modelProto, GraphProto graphProto, List<OnnxInitializerPlan> plans, long expectedSize)
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, OnnxLayout.CopyBufferSize);
        using var stream = new HashingWriteStream(file);
        modelProto.WriteTo(stream);
        WriteVarint(stream, WireTag(ModelProto.GraphFieldNumber));
        WriteVarint(stream, (ulong)GraphSize(graphProto, plans));
        graphProto.WriteTo(stream);
        foreach (var plan in plans)
        {
            WriteVarint(stream, WireTag(GraphProto.InitializerFieldNumber));
            WriteVarint(stream, (ulong)TensorMessageSize(plan));
            plan.Header.WriteTo(stream);
            if (plan.IsExternal) continue;
            WriteVarint(stream, WireTag(TensorProto.RawDataFieldNumber));
            WriteVarint(stream, (ulong)plan.Data.ByteLength);
            CopyExactly(plan, stream, path);
        }
        file.Flush(flushToDisk: false);
        if (file.Length != expectedSize)
            throw new ModelBuildException(DiagnosticCode.InternalError, path, $"Wrote {file.Length} bytes where the layout planned {expectedSize}.");
        return stream.Sha256;
    }

    /// <summary>Writes the external data file and returns its sha256, hashed on the way out.</summary>
    private static string WriteData(string path, List<OnnxInitializerPlan> plans, long expectedLength)
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, OnnxLayout.CopyBufferSize);
        using var stream = new HashingWriteStream(file);
        Span<byte> zeros = stackalloc byte[(int)OnnxLayout.ExternalAlignment];
        zeros.Clear();
        foreach (var plan in plans.Where(p => p.IsExternal))
        {
            // Zero padding, so the data file's bytes depend only on the model.
            stream.Write(zeros[..(int)(plan.ExternalOffset - stream.Position)]);
            CopyExactly(plan, stream, path);
        }
        file.Flush(flushToDisk: false);
        if (file.Length != expectedLength)
            throw new ModelBuildException(DiagnosticCode.InternalError, path, $"Wrote {file.Length} bytes of external data where the layout planned {expectedLength}.");
        return stream.Sha256;
    }

    /// <summary>The length prefix was written already, so a tensor yielding any other count would corrupt the file.</summary>
    private static void CopyExactly(OnnxInitializerPlan plan, Stream stream, string path)
    {
        long before = stream.Position;
        plan.Data.CopyTo(stream);
        long written = stream.Position - before;
        if (written != plan.Data.ByteLength)
            throw new ModelBuildException(DiagnosticCode.OutputGraphInvalid, path, $"Initializer '{plan.Header.Name}' yielded {written} bytes instead of {plan.Data.ByteLength}.");
    }

    private static ulong WireTag(int fieldNumber) => ((ulong)fieldNumber << 3) | 2;

    private static void WriteVarint(Stream stream, ulong value)
    {
        Span<byte> buffer = stackalloc byte[10];
        int n = 0;
        while (value >= 0x80)
        {
            buffer[n++] = (byte)(value | 0x80);
            value >>= 7;
        }
        buffer[n++] = (byte)value;
        stream.Write(buffer[..n]);
    }
}
