using System.Globalization;
using System.Runtime.InteropServices;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Onnx.Proto;
using ModelBuild.Core.Tensors;
using GraphModel = ModelBuild.Core.Graph.Graph;

namespace ModelBuild.Core.Importers.Onnx;

/// <summary>
/// Turns parsed ONNX messages into the graph hub. Everything here sees already-bounded, in-memory messages; the
/// only file access is resolving external data, whose locations and ranges are checked before use.
/// </summary>
internal sealed class OnnxGraphConverter
{
    private readonly string _path;
    private readonly string _directory;

    public OnnxGraphConverter(string fullPath)
    {
        _path = fullPath;
        _directory = Path.GetDirectoryName(fullPath)!;
    }

    public Model ToModel(ModelProto proto, GraphProto graphProto, IReadOnlyList<OnnxInitializerEntry> initializers)
    {
        if (proto.Functions.Count > 0)
            throw OnnxThrowHelper.Unsupported(_path, $"Model-local functions are not supported: {string.Join(", ", proto.Functions.Select(f => $"'{f.Domain}.{f.Name}'"))}.");

        var model = new Model(ConvertGraph(graphProto, "graph"))
        {
            IrVersion = proto.IrVersion,
            DocString = proto.HasDocString ? proto.DocString : null,
        };
        foreach (var opset in proto.OpsetImport)
        {
            if (!model.OpsetImports.TryAdd(opset.Domain, opset.Version))
                throw OnnxThrowHelper.Invalid(_path, $"The model imports domain '{opset.Domain}' twice.");
        }
        foreach (var entry in proto.MetadataProps)
            model.Metadata[entry.Key] = entry.Value;

        foreach (var entry in initializers)
        {
            var name = entry.Metadata.Name;
            var data = entry.RawDataOffset >= 0
                ? ConvertFileTensor(entry.Metadata, entry.RawDataOffset, entry.RawDataLength)
                : ConvertTensor(entry.Metadata, $"initializer '{name}'");
            model.Graph.Initializers.Add(new Initializer(name, data));
        }
        return model;
    }

    private GraphModel ConvertGraph(GraphProto proto, string where)
    {
        var graph = new GraphModel
        {
            Name = proto.Name,
            DocString = proto.HasDocString ? proto.DocString : null,
        };
        if (proto.SparseInitializer.Count > 0)
            throw OnnxThrowHelper.Unsupported(_path, $"Graph '{proto.Name}' has sparse initializer '{proto.SparseInitializer[0].Values?.Name}'; sparse tensors are not supported.");

        graph.Inputs.AddRange(proto.Input.Select(ConvertValueInfo));
        graph.Outputs.AddRange(proto.Output.Select(ConvertValueInfo));
        graph.ValueInfos.AddRange(proto.ValueInfo.Select(ConvertValueInfo));
        foreach (var init in proto.Initializer)
            graph.Initializers.Add(new Initializer(init.Name, ConvertTensor(init, $"initializer '{init.Name}' of graph '{where}'")));
        foreach (var node in proto.Node)
            graph.Nodes.Add(ConvertNode(node, where));
        return graph;
    }

    private Node ConvertNode(NodeProto proto, string where)
    {
        var node = new Node(proto.OpType, proto.Input, proto.Output, proto.Name, proto.Domain)
        {
            DocString = proto.HasDocString ? proto.DocString : null,
        };
        foreach (var attribute in proto.Attribute)
            node.Attributes.Add(ConvertAttribute(attribute, node, where));
        return node;
    }

    private NodeAttribute ConvertAttribute(AttributeProto a, Node node, string where)
    {
        var owner = $"attribute '{a.Name}' of {node.OpType} node '{node.Name}'";
        if (a.HasRefAttrName)
            throw OnnxThrowHelper.Unsupported(_path, $"The {owner} refers to function attribute '{a.RefAttrName}'; functions are not supported.");
        var type = a.HasType && a.Type != AttributeProto.Types.AttributeType.Undefined ? a.Type : InferType(a);
        return type switch
        {
            AttributeProto.Types.AttributeType.Float => NodeAttribute.Of(a.Name, a.F),
            AttributeProto.Types.AttributeType.Int => NodeAttribute.Of(a.Name, a.I),
            AttributeProto.Types.AttributeType.String => NodeAttribute.OfBytes(a.Name, a.S.ToByteArray()),
            AttributeProto.Types.AttributeType.Tensor when a.T is not null => NodeAttribute.Of(a.Name, ConvertTensor(a.T, owner)),
            AttributeProto.Types.AttributeType.Graph when a.G is not null => NodeAttribute.Of(a.Name, ConvertGraph(a.G, $"{where}/{node.Name}/{a.Name}")),
            AttributeProto.Types.AttributeType.Floats => NodeAttribute.Of(a.Name, (IEnumerable<float>)a.Floats),
            AttributeProto.Types.AttributeType.Ints => NodeAttribute.Of(a.Name, (IEnumerable<long>)a.Ints),
            AttributeProto.Types.AttributeType.Strings => NodeAttribute.OfBytes(a.Name, a.Strings.Select(s => s.ToByteArray())),
            AttributeProto.Types.AttributeType.Tensors => NodeAttribute.Of(a.Name, a.Tensors.Select(t => ConvertTensor(t, owner))),
            AttributeProto.Types.AttributeType.Graphs => NodeAttribute.Of(a.Name, a.Graphs.Select(g => ConvertGraph(g, $"{where}/{node.Name}/{a.Name}"))),
            AttributeProto.Types.AttributeType.Tensor or AttributeProto.Types.AttributeType.Graph =>
                throw OnnxThrowHelper.Invalid(_path, $"The {owner} is declared {type} but holds no value."),
            _ => throw OnnxThrowHelper.Unsupported(_path, $"The {owner} has type {type}, which is not supported."),
        };
    }

    /// <summary>IR version 1 files carry no attribute type; the populated field tells it, as the ONNX checker does.</summary>
    private static AttributeProto.Types.AttributeType InferType(AttributeProto a)
    {
        if (a.HasF) return AttributeProto.Types.AttributeType.Float;
        if (a.HasI) return AttributeProto.Types.AttributeType.Int;
        if (a.HasS) return AttributeProto.Types.AttributeType.String;
        if (a.T is not null) return AttributeProto.Types.AttributeType.Tensor;
        if (a.G is not null) return AttributeProto.Types.AttributeType.Graph;
        if (a.Floats.Count > 0) return AttributeProto.Types.AttributeType.Floats;
        if (a.Ints.Count > 0) return AttributeProto.Types.AttributeType.Ints;
        if (a.Strings.Count > 0) return AttributeProto.Types.AttributeType.Strings;
        if (a.Tensors.Count > 0) return AttributeProto.Types.AttributeType.Tensors;
        if (a.Graphs.Count > 0) return AttributeProto.Types.AttributeType.Graphs;
        return AttributeProto.Types.AttributeType.Undefined;
    }

    private ValueInfo ConvertValueInfo(ValueInfoProto proto)
    {
        var doc = proto.HasDocString ? proto.DocString : null;
        if (proto.Type is null || proto.Type.ValueCase == TypeProto.ValueOneofCase.None)
            return new ValueInfo(proto.Name, DataType.Undefined, null, doc);
        if (proto.Type.ValueCase != TypeProto.ValueOneofCase.TensorType)
            throw OnnxThrowHelper.Unsupported(_path, $"Value '{proto.Name}' has a {proto.Type.ValueCase} type; only tensors are supported.");

        var tensorType = proto.Type.TensorType;
        var elementType = ToDataType(tensorType.ElemType, $"value '{proto.Name}'", allowUndefined: true);
        TensorShape? shape = null;
        if (tensorType.Shape is not null)
        {
            shape = new TensorShape(tensorType.Shape.Dim.Select(d => d.ValueCase switch
            {
                TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue => Dim.Fixed(d.DimValue),
                TensorShapeProto.Types.Dimension.ValueOneofCase.DimParam => Dim.Named(d.DimParam),
                _ => Dim.Unknown,
            }));
        }
        return new ValueInfo(proto.Name, elementType, shape, doc);
    }

    private DataType ToDataType(int value, string what, bool allowUndefined)
    {
        var type = (DataType)value;
        if (allowUndefined && type == DataType.Undefined) return type;
        if (!Enum.IsDefined(type) || DataTypes.SizeOf(type) == 0)
        {
            var onnxName = Enum.IsDefined((TensorProto.Types.DataType)value) ? ((TensorProto.Types.DataType)value).ToString() : value.ToString(CultureInfo.InvariantCulture);
            throw OnnxThrowHelper.Unsupported(_path, $"The {what} has element type {onnxName}, which is not supported.");
        }
        return type;
    }

    private (DataType Type, long[] Dims, long ByteLength) Describe(TensorProto t, string what)
    {
        var type = ToDataType(t.DataType, what, allowUndefined: false);
        var dims = t.Dims.ToArray();
        long count = 1;
        foreach (var d in dims)
        {
            if (d < 0)
                throw OnnxThrowHelper.Invalid(_path, $"The {what} has negative dimension {d}.");
            try
            {
                count = checked(count * d);
            }
            catch (OverflowException)
            {
                throw OnnxThrowHelper.Invalid(_path, $"The {what} has dimensions [{string.Join(",", dims)}] whose product overflows.");
            }
        }
        if (count > long.MaxValue / DataTypes.SizeOf(type))
            throw OnnxThrowHelper.Invalid(_path, $"The {what} has dimensions [{string.Join(",", dims)}] too large to address.");
        if (t.Segment is not null)
            throw OnnxThrowHelper.Unsupported(_path, $"The {what} is a segment of a larger tensor; segmented tensors are not supported.");
        return (type, dims, count * DataTypes.SizeOf(type));
    }

    /// <summary>An initializer whose raw_data the wire walk located in the model file itself.</summary>
    private TensorData ConvertFileTensor(TensorProto t, long offset, long length)
    {
        var what = $"initializer '{t.Name}'";
        var (type, dims, byteLength) = Describe(t, what);
        if (t.DataLocation == TensorProto.Types.DataLocation.External)
            return ConvertExternal(t, type, dims, byteLength);
        if (length != byteLength)
            throw OnnxThrowHelper.ShapeMismatch(_path, t.Name, DataTypes.Name(type), dims, byteLength, length);
        return TensorData.FromFile(_path, offset, length, type, dims);
    }

    private TensorData ConvertTensor(TensorProto t, string what)
    {
        var (type, dims, byteLength) = Describe(t, what);
        if (t.DataLocation == TensorProto.Types.DataLocation.External)
            return ConvertExternal(t, type, dims, byteLength);
        if (t.HasRawData)
        {
            if (t.RawData.Length != byteLength)
                throw OnnxThrowHelper.ShapeMismatch(_path, t.Name, DataTypes.Name(type), dims, byteLength, t.RawData.Length);
            return TensorData.FromBytes(t.RawData.Memory, type, dims);
        }

        long count = byteLength / DataTypes.SizeOf(type);
        byte[] bytes = type switch
        {
            DataType.Float32 => Typed(t, what, count, t.FloatData.Count, () => MemoryMarshal.AsBytes(t.FloatData.ToArray().AsSpan()).ToArray()),
            DataType.Float64 => Typed(t, what, count, t.DoubleData.Count, () => MemoryMarshal.AsBytes(t.DoubleData.ToArray().AsSpan()).ToArray()),
            DataType.Int64 => Typed(t, what, count, t.Int64Data.Count, () => MemoryMarshal.AsBytes(t.Int64Data.ToArray().AsSpan()).ToArray()),
            DataType.UInt64 => Typed(t, what, count, t.Uint64Data.Count, () => MemoryMarshal.AsBytes(t.Uint64Data.ToArray().AsSpan()).ToArray()),
            DataType.UInt32 => Typed(t, what, count, t.Uint64Data.Count, () => MemoryMarshal.AsBytes(t.Uint64Data.Select(v => (uint)v).ToArray().AsSpan()).ToArray()),
            DataType.Int32 => Typed(t, what, count, t.Int32Data.Count, () => MemoryMarshal.AsBytes(t.Int32Data.ToArray().AsSpan()).ToArray()),
            // The spec stores these one element per int32; fp16/bf16 as their bit pattern in the low 16 bits.
            DataType.Int16 or DataType.UInt16 or DataType.Float16 or DataType.BFloat16 =>
                Typed(t, what, count, t.Int32Data.Count, () => MemoryMarshal.AsBytes(t.Int32Data.Select(v => (ushort)v).ToArray().AsSpan()).ToArray()),
            DataType.Int8 or DataType.UInt8 or DataType.Bool =>
                Typed(t, what, count, t.Int32Data.Count, () => t.Int32Data.Select(v => (byte)v).ToArray()),
            _ => throw OnnxThrowHelper.Unsupported(_path, $"The {what} has element type {DataTypes.Name(type)}, which is not supported."),
        };
        return TensorData.FromBytes(bytes, type, dims);
    }

    private byte[] Typed(TensorProto t, string what, long expected, int actual, Func<byte[]> convert)
    {
        if (expected == 0 && actual == 0) return [];
        if (actual == 0)
            throw OnnxThrowHelper.Invalid(_path, $"The {what} declares {expected} elements but carries no data.");
        if (actual != expected)
            throw OnnxThrowHelper.Invalid(_path, $"The {what} declares {expected} elements of [{string.Join(",", t.Dims)}] but carries {actual}.");
        return convert();
    }

    private TensorData ConvertExternal(TensorProto t, DataType type, long[] dims, long byteLength)
    {
        string? location = null;
        long offset = 0;
        long length = byteLength;
        foreach (var entry in t.ExternalData)
        {
            switch (entry.Key)
            {
                case OnnxLayout.ExternalLocationKey:
                    location = entry.Value;
                    break;
                case OnnxLayout.ExternalOffsetKey:
                    offset = ParseNonNegative(t.Name, entry.Key, entry.Value);
                    break;
                case OnnxLayout.ExternalLengthKey:
                    length = ParseNonNegative(t.Name, entry.Key, entry.Value);
                    break;
            }
        }
        if (string.IsNullOrEmpty(location))
            throw OnnxThrowHelper.ExternalData(_path, t.Name, "no 'location' key.");
        if (Path.IsPathRooted(location) || location.StartsWith('/') || location.StartsWith('\\'))
            throw OnnxThrowHelper.ExternalData(_path, t.Name, $"location '{location}' is absolute; it must be relative to the model's folder.");

        var resolved = Path.GetFullPath(Path.Combine(_directory, location));
        var root = Path.EndsInDirectorySeparator(_directory) ? _directory : _directory + Path.DirectorySeparatorChar;
        if (!resolved.StartsWith(root, StringComparison.Ordinal))
            throw OnnxThrowHelper.ExternalData(_path, t.Name, $"location '{location}' leaves the model's folder.");
        var info = new FileInfo(resolved);
        if (!info.Exists)
            throw OnnxThrowHelper.ExternalData(_path, t.Name, $"file '{location}' does not exist beside the model.");
        if (offset > info.Length || length > info.Length - offset)
            throw OnnxThrowHelper.ExternalData(_path, t.Name, $"bytes {offset}..{offset + (decimal)length} lie beyond the end of '{location}' ({info.Length} bytes).");
        if (length != byteLength)
            throw OnnxThrowHelper.ShapeMismatch(_path, t.Name, DataTypes.Name(type), dims, byteLength, length);
        return TensorData.FromFile(resolved, offset, length, type, dims);
    }

    private long ParseNonNegative(string tensor, string key, string value)
    {
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            throw OnnxThrowHelper.ExternalData(_path, tensor, $"'{key}' is '{value}', not a non-negative integer.");
        return parsed;
    }
}
