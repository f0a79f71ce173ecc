using Google.Protobuf;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Onnx.Proto;
using ModelBuild.Core.Tensors;
using GraphModel = ModelBuild.Core.Graph.Graph;

namespace ModelBuild.Core.Exporters.Onnx;

/// <summary>
/// Builds the ONNX messages for everything but the top-level initializers' bytes, which the writer streams.
/// Output must be deterministic: fields are set in a fixed order, attributes sorted by name, and optional
/// fields left unset rather than set to empty so that equal graphs give equal bytes.
/// </summary>
internal static class OnnxProtoBuilder
{
    public static ModelProto BuildModelWithoutGraph(Model model, string producerVersion)
    {
        var proto = new ModelProto
        {
            IrVersion = model.IrVersion,
            ProducerName = OnnxLayout.ProducerName,
            ProducerVersion = producerVersion,
        };
        foreach (var (domain, version) in model.OpsetImports.OrderBy(o => o.Key, StringComparer.Ordinal))
            proto.OpsetImport.Add(new OperatorSetIdProto { Domain = domain, Version = version });
        if (model.DocString is not null) proto.DocString = model.DocString;
        foreach (var (key, value) in model.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
            proto.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        return proto;
    }

    /// <summary>A graph; <paramref name="withInitializers"/> is false for the top level, whose weights are streamed.</summary>
    public static GraphProto BuildGraph(GraphModel graph, bool withInitializers)
    {
        var proto = new GraphProto { Name = graph.Name };
        foreach (var node in graph.Nodes) proto.Node.Add(BuildNode(node));
        if (withInitializers)
            foreach (var init in graph.Initializers) proto.Initializer.Add(BuildTensor(init.Name, init.Data));
        if (graph.DocString is not null) proto.DocString = graph.DocString;
        foreach (var v in graph.Inputs) proto.Input.Add(BuildValueInfo(v));
        foreach (var v in graph.Outputs) proto.Output.Add(BuildValueInfo(v));
        foreach (var v in graph.ValueInfos) proto.ValueInfo.Add(BuildValueInfo(v));
        return proto;
    }

    /// <summary>TensorProto without data: what precedes raw_data or the external_data keys.</summary>
    public static TensorProto BuildTensorHeader(string name, TensorData data)
    {
        var proto = new TensorProto { DataType = (int)data.DataType, Name = name };
        proto.Dims.AddRange(data.Shape);
        return proto;
    }

    private static TensorProto BuildTensor(string name, TensorData data)
    {
        // Attribute tensors and subgraph weights are small (constants, loop bodies); they are loaded to build
        // the message. Only top-level initializers are streamed.
        var proto = BuildTensorHeader(name, data);
        proto.RawData = ByteString.CopyFrom(data.ReadAllBytes());
        return proto;
    }

    private static NodeProto BuildNode(Node node)
    {
        var proto = new NodeProto { OpType = node.OpType };
        proto.Input.AddRange(node.Inputs);
        proto.Output.AddRange(node.Outputs);
        if (node.Name.Length > 0) proto.Name = node.Name;
        if (node.Domain.Length > 0) proto.Domain = node.Domain;
        if (node.DocString is not null) proto.DocString = node.DocString;
        foreach (var attribute in node.Attributes.OrderBy(a => a.Name, StringComparer.Ordinal))
            proto.Attribute.Add(BuildAttribute(attribute));
        return proto;
    }

    private static AttributeProto BuildAttribute(NodeAttribute a)
    {
        var proto = new AttributeProto { Name = a.Name, Type = (AttributeProto.Types.AttributeType)(int)a.Kind };
        switch (a.Kind)
        {
            case AttributeKind.Float: proto.F = a.Float; break;
            case AttributeKind.Int: proto.I = a.Int; break;
            case AttributeKind.String: proto.S = ByteString.CopyFrom(a.String); break;
            case AttributeKind.Tensor: proto.T = BuildTensor("", a.Tensor!); break;
            case AttributeKind.Graph: proto.G = BuildGraph(a.Graph!, withInitializers: true); break;
            case AttributeKind.Floats: proto.Floats.AddRange(a.Floats); break;
            case AttributeKind.Ints: proto.Ints.AddRange(a.Ints); break;
            case AttributeKind.Strings: proto.Strings.AddRange(a.Strings.Select(ByteString.CopyFrom)); break;
            case AttributeKind.Tensors: proto.Tensors.AddRange(a.Tensors.Select(t => BuildTensor("", t))); break;
            case AttributeKind.Graphs: proto.Graphs.AddRange(a.Graphs.Select(g => BuildGraph(g, withInitializers: true))); break;
            default: throw new ArgumentOutOfRangeException(nameof(a), a.Kind, "Unknown attribute kind.");
        }
        return proto;
    }

    private static ValueInfoProto BuildValueInfo(ValueInfo value)
    {
        var proto = new ValueInfoProto { Name = value.Name };
        if (value.DocString is not null) proto.DocString = value.DocString;
        if (value.ElementType == DataType.Undefined && value.Shape is null) return proto;

        var tensorType = new TypeProto.Types.Tensor { ElemType = (int)value.ElementType };
        if (value.Shape is not null)
        {
            var shape = new TensorShapeProto();
            foreach (var dim in value.Shape.Dims)
            {
                var d = new TensorShapeProto.Types.Dimension();
                if (dim.Value is long v) d.DimValue = v;
                else if (dim.Symbol is string s) d.DimParam = s;
                shape.Dim.Add(d);
            }
            tensorType.Shape = shape;
        }
        proto.Type = new TypeProto { TensorType = tensorType };
        return proto;
    }
}
