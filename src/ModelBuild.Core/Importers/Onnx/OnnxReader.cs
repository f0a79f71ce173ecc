using Google.Protobuf;
using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Onnx.Proto;

namespace ModelBuild.Core.Importers.Onnx;

/// <summary>
/// Reads an <c>.onnx</c> file into the graph hub without loading its weights. Google.Protobuf would copy every
/// raw_data into memory, so the reader walks the wire format itself down ModelProto.graph → GraphProto.initializer
/// → TensorProto.raw_data, records where each raw_data lies, and hands only the remaining (small) bytes to the
/// generated classes. Initializers become <see cref="Tensors.TensorData.FromFile"/> views of the model or of its
/// external data files. Nodes are put in topological order if they are not, then the graph is validated
/// (<see cref="DiagnosticCode.GraphInvalid"/>).
/// </summary>
public static class OnnxReader
{
    public static Model Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
            throw new ModelBuildException(DiagnosticCode.FileNotFound, path, $"ONNX model '{path}' does not exist.");

        ModelProto modelProto;
        GraphProto graphProto;
        List<OnnxInitializerEntry> initializers;
        try
        {
            using var wire = new OnnxWireReader(fullPath);
            (modelProto, graphProto, initializers) = Walk(wire, fullPath);
        }
        catch (IOException e)
        {
            throw OnnxThrowHelper.Invalid(fullPath, $"The file cannot be read: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw OnnxThrowHelper.Invalid(fullPath, $"The file cannot be read: {e.Message}", e);
        }

        var model = new OnnxGraphConverter(fullPath).ToModel(modelProto, graphProto, initializers);
        GraphValidator.SortTopologically(model.Graph, fullPath, DiagnosticCode.GraphInvalid);
        GraphValidator.Validate(model, fullPath, DiagnosticCode.GraphInvalid);
        return model;
    }

    private static (ModelProto, GraphProto, List<OnnxInitializerEntry>) Walk(OnnxWireReader wire, string path)
    {
        using var modelRest = new MemoryStream();
        using var graphRest = new MemoryStream();
        var initializers = new List<OnnxInitializerEntry>();
        bool sawGraph = false;
        long end = wire.Length;

        while (true)
        {
            long tagStart = wire.Position;
            if (!wire.TryReadTag(end, out int field, out int wireType)) break;
            if (field == ModelProto.GraphFieldNumber && wireType == OnnxLayout.WireLengthDelimited)
            {
                // Repeated occurrences of a message field merge in protobuf; accumulating the pieces does the same.
                sawGraph = true;
                long graphEnd = wire.ReadLengthEnd(end, "ModelProto.graph");
                WalkGraph(wire, path, graphEnd, graphRest, initializers);
                continue;
            }
            wire.SkipValue(wireType, end);
            // Unknown fields are skipped rather than buffered: they would be dropped anyway, and a hostile file
            // could otherwise make us buffer gigabytes of them.
            if (ModelProto.Descriptor.FindFieldByNumber(field) is not null) wire.CopySpan(tagStart, modelRest);
        }
        if (!sawGraph)
            throw OnnxThrowHelper.Invalid(path, $"The file has no ModelProto.graph (field {ModelProto.GraphFieldNumber}); it is truncated or not an ONNX model ({wire.Length} bytes).");

        var model = Parse(ModelProto.Parser, modelRest, path, "ModelProto", 0);
        var graph = Parse(GraphProto.Parser, graphRest, path, "GraphProto", 0);
        return (model, graph, initializers);
    }

    private static void WalkGraph(OnnxWireReader wire, string path, long end, MemoryStream graphRest, List<OnnxInitializerEntry> initializers)
    {
        while (true)
        {
            long tagStart = wire.Position;
            if (!wire.TryReadTag(end, out int field, out int wireType)) break;
            if (field == GraphProto.InitializerFieldNumber && wireType == OnnxLayout.WireLengthDelimited)
            {
                long tensorEnd = wire.ReadLengthEnd(end, "GraphProto.initializer");
                initializers.Add(WalkTensor(wire, path, tagStart, tensorEnd));
                continue;
            }
            wire.SkipValue(wireType, end);
            if (GraphProto.Descriptor.FindFieldByNumber(field) is not null) wire.CopySpan(tagStart, graphRest);
        }
    }

    private static OnnxInitializerEntry WalkTensor(OnnxWireReader wire, string path, long messageOffset, long end)
    {
        using var rest = new MemoryStream();
        long rawOffset = -1, rawLength = 0;
        while (true)
        {
            long tagStart = wire.Position;
            if (!wire.TryReadTag(end, out int field, out int wireType)) break;
            if (field == TensorProto.RawDataFieldNumber && wireType == OnnxLayout.WireLengthDelimited)
            {
                long rawEnd = wire.ReadLengthEnd(end, "TensorProto.raw_data");
                // The last occurrence wins, as protobuf specifies for a singular bytes field.
                rawOffset = wire.Position;
                rawLength = rawEnd - rawOffset;
                wire.Seek(rawEnd);
                continue;
            }
            wire.SkipValue(wireType, end);
            if (TensorProto.Descriptor.FindFieldByNumber(field) is not null) wire.CopySpan(tagStart, rest);
        }
        var metadata = Parse(TensorProto.Parser, rest, path, "initializer TensorProto", messageOffset);
        return new OnnxInitializerEntry(metadata, rawOffset, rawLength, messageOffset);
    }

    private static T Parse<T>(MessageParser<T> parser, MemoryStream bytes, string path, string what, long offset) where T : IMessage<T>
    {
        try
        {
            return parser.ParseFrom(bytes.GetBuffer().AsSpan(0, (int)bytes.Length));
        }
        catch (InvalidProtocolBufferException e)
        {
            throw OnnxThrowHelper.Invalid(path, $"Corrupt {what} (message starting near byte offset {offset}): {e.Message}", e);
        }
    }
}
