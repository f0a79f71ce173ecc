using System.Globalization;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Exporters.OpenVino;

/// <summary>
/// The state of one conversion: the layers and edges written so far, and which layer port holds each ONNX value.
/// Op converters ask it for their inputs (<see cref="Value"/>), add layers (<see cref="Op"/>, <see cref="Const"/>)
/// and bind their results to the ONNX output names (<see cref="Bind"/>), which become the ports' tensor names.
/// </summary>
internal sealed class OpenVinoIrBuilder
{
    private readonly Dictionary<string, OpenVinoOutput> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _layerNames = new(StringComparer.Ordinal);

    public OpenVinoIrBuilder(string? path, Dictionary<string, ValueInfo> shapes, Dictionary<string, TensorData> constants, bool compress, long opset)
    {
        Path = path;
        Shapes = shapes;
        Constants = constants;
        Compress = compress;
        Opset = opset;
    }

    public string? Path { get; }
    public Dictionary<string, ValueInfo> Shapes { get; }
    public Dictionary<string, TensorData> Constants { get; }
    public bool Compress { get; }
    public long Opset { get; }
    public List<OpenVinoLayer> Layers { get; } = [];
    public List<OpenVinoEdge> Edges { get; } = [];
    public Dictionary<(int Layer, int Port), List<string>> PortNames { get; } = [];

    /// <summary>The port holding ONNX value <paramref name="name"/>; constants become Const layers on first use.</summary>
    public OpenVinoOutput Value(string name)
    {
        if (_values.TryGetValue(name, out var output)) return output;
        if (Constants.TryGetValue(name, out var data))
        {
            output = Const(name, data);
            Bind(name, output);
            return output;
        }
        throw new InvalidOperationException($"value '{name}' is used before it is defined");
    }

    public bool IsConstant(string name) => Constants.ContainsKey(name);

    public void Bind(string onnxName, OpenVinoOutput output)
    {
        _values[onnxName] = output;
        if (!PortNames.TryGetValue((output.Layer, output.Port), out var names)) PortNames[(output.Layer, output.Port)] = names = [];
        if (!names.Contains(onnxName)) names.Add(onnxName);
    }

    /// <summary>Dims of an ONNX value, -1 where the size is not fixed.</summary>
    public long[] DimsOf(string onnxName) =>
        Shapes.TryGetValue(onnxName, out var info) && info.Shape is { } shape ? shape.Dims.Select(d => d.Value ?? -1).ToArray()
        : throw new InvalidOperationException($"the shape of '{onnxName}' is unknown");

    public DataType TypeOf(string onnxName) => Shapes.TryGetValue(onnxName, out var info) ? info.ElementType : DataType.Float32;

    public OpenVinoOutput Parameter(ValueInfo input)
    {
        var type = OpenVinoLayout.ElementType(input.ElementType) ?? throw new InvalidOperationException($"input '{input.Name}' has element type {DataTypes.Name(input.ElementType)}");
        var dims = input.Shape?.Dims.Select(d => d.Value ?? -1).ToArray() ?? throw new InvalidOperationException($"input '{input.Name}' has no shape");
        var layer = NewLayer(input.Name, "Parameter", "opset1");
        layer.Data.Add(new("shape", string.Join(",", dims.Select(d => d < 0 ? "?" : d.ToString(CultureInfo.InvariantCulture)))));
        layer.Data.Add(new("element_type", type));
        layer.Outputs.Add(new OpenVinoPort(0, input.ElementType, dims));
        var output = new OpenVinoOutput(layer.Id, 0, input.ElementType, dims);
        Bind(input.Name, output);
        return output;
    }

    /// <summary>A Const holding <paramref name="data"/>; float32 weights go through f16 + Convert when compressing.</summary>
    public OpenVinoOutput Const(string name, TensorData data)
    {
        var dims = data.Shape.ToArray();
        bool compress = Compress && data.DataType == DataType.Float32;
        var stored = compress ? DataType.Float16 : data.DataType;
        var layer = new OpenVinoLayer(NextId, UniqueName(compress ? name + "/compressed" : name), "Const", "opset1") { Weights = data, CompressToFp16 = compress };
        Layers.Add(layer);
        layer.Data.Add(new("element_type", OpenVinoLayout.ElementType(stored) ?? throw new InvalidOperationException($"constant '{name}' has element type {DataTypes.Name(data.DataType)}")));
        layer.Data.Add(new("shape", string.Join(",", dims.Select(d => d.ToString(CultureInfo.InvariantCulture)))));
        // offset and size are filled in when the .bin is laid out.
        layer.Outputs.Add(new OpenVinoPort(0, stored, dims));
        var output = new OpenVinoOutput(layer.Id, 0, stored, dims);
        if (!compress) return output;
        var convert = Op("Convert", "opset1", name, [new("destination_type", "f32")], [output], DataType.Float32, dims);
        Layers[^1].RuntimeInfo.Add("decompression");
        return convert;
    }

    public OpenVinoOutput ConstInt64(string name, params long[] values) => ConstInt64(name, values, [values.Length]);

    public OpenVinoOutput ConstInt64(string name, long[] values, long[] shape)
    {
        var bytes = new byte[values.Length * sizeof(long)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return ConstRaw(name, TensorData.FromBytes(bytes, DataType.Int64, shape));
    }

    public OpenVinoOutput ConstScalar(string name, float value) =>
        ConstRaw(name, TensorData.FromBytes(BitConverter.GetBytes(value), DataType.Float32, []));

    /// <summary>A Const never compressed (shapes, axes, scalars).</summary>
    private OpenVinoOutput ConstRaw(string name, TensorData data)
    {
        var layer = new OpenVinoLayer(NextId, UniqueName(name), "Const", "opset1") { Weights = data };
        Layers.Add(layer);
        var dims = data.Shape.ToArray();
        layer.Data.Add(new("element_type", OpenVinoLayout.ElementType(data.DataType)!));
        layer.Data.Add(new("shape", string.Join(",", dims)));
        layer.Outputs.Add(new OpenVinoPort(0, data.DataType, dims));
        return new OpenVinoOutput(layer.Id, 0, data.DataType, dims);
    }

    /// <summary>Adds an operation layer: inputs are ports 0..n-1, outputs follow; returns output 0.</summary>
    public OpenVinoOutput Op(string type, string version, string name, IEnumerable<KeyValuePair<string, string>> data, OpenVinoOutput[] inputs,
        DataType outputType, long[] outputDims, params (DataType Type, long[] Dims)[] extraOutputs)
    {
        var layer = NewLayer(name, type, version);
        layer.Data.AddRange(data);
        for (int i = 0; i < inputs.Length; i++)
        {
            layer.Inputs.Add(new OpenVinoPort(i, inputs[i].Type, inputs[i].Dims));
            Edges.Add(new OpenVinoEdge(inputs[i].Layer, inputs[i].Port, layer.Id, i));
        }
        layer.Outputs.Add(new OpenVinoPort(inputs.Length, outputType, outputDims));
        for (int k = 0; k < extraOutputs.Length; k++) layer.Outputs.Add(new OpenVinoPort(inputs.Length + 1 + k, extraOutputs[k].Type, extraOutputs[k].Dims));
        return new OpenVinoOutput(layer.Id, inputs.Length, outputType, outputDims);
    }

    public void Result(string onnxName)
    {
        var source = Value(onnxName);
        var layer = NewLayer(onnxName + "/sink_port_0", "Result", "opset1");
        layer.Inputs.Add(new OpenVinoPort(0, source.Type, source.Dims));
        Edges.Add(new OpenVinoEdge(source.Layer, source.Port, layer.Id, 0));
    }

    private int NextId => Layers.Count;

    private OpenVinoLayer NewLayer(string name, string type, string version)
    {
        var layer = new OpenVinoLayer(NextId, UniqueName(name), type, version);
        Layers.Add(layer);
        return layer;
    }

    private string UniqueName(string name)
    {
        if (name.Length == 0) name = "layer";
        var candidate = name;
        for (int k = 1; !_layerNames.Add(candidate); k++) candidate = $"{name}_{k}";
        return candidate;
    }
}
