using Google.Protobuf;
using ModelBuild.Core.CoreMl.Proto;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;
using Proto = ModelBuild.Core.CoreMl.Proto;
using DataType = ModelBuild.Core.Tensors.DataType;
using ValueType = ModelBuild.Core.CoreMl.Proto.ValueType;

namespace ModelBuild.Core.Exporters.CoreMl;

/// <summary>
/// The state of one conversion to MIL: operations in topological order, the MIL value each ONNX value became,
/// identifier-safe unique names, and the blobs laid out for weight.bin. Every parameter (weights, strides,
/// axes, modes) is a named <c>const</c> operation, as Core ML's own converters emit them.
/// </summary>
internal sealed class CoreMlProgramBuilder
{
    private readonly Dictionary<string, (string Name, long[] Dims, DataType Type)> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private long _blobEnd = CoreMlLayout.HeaderSize;

    public CoreMlProgramBuilder(string? path, Dictionary<string, ValueInfo> shapes, Dictionary<string, TensorData> constants, long opset)
    {
        Path = path;
        Shapes = shapes;
        Constants = constants;
        Opset = opset;
    }

    public string? Path { get; }
    public Dictionary<string, ValueInfo> Shapes { get; }
    public Dictionary<string, TensorData> Constants { get; }
    public long Opset { get; }
    public List<Operation> Operations { get; } = [];
    public List<CoreMlBlob> Blobs { get; } = [];
    public long BlobFileLength => _blobEnd;

    /// <summary>The MIL name of an ONNX value; constants become const operations on first use.</summary>
    public string Value(string onnxName)
    {
        if (_values.TryGetValue(onnxName, out var v)) return v.Name;
        if (Constants.TryGetValue(onnxName, out var data))
        {
            var name = Const(onnxName, data);
            _values[onnxName] = (name, data.Shape.ToArray(), data.DataType);
            return name;
        }
        throw new InvalidOperationException($"value '{onnxName}' is used before it is defined");
    }

    public long[] DimsOf(string onnxName) =>
        _values.TryGetValue(onnxName, out var v) ? v.Dims
        : Shapes.TryGetValue(onnxName, out var info) && info.Shape is { } s ? s.Dims.Select(d => d.Value ?? -1).ToArray()
        : throw new InvalidOperationException($"the shape of '{onnxName}' is unknown");

    public void Bind(string onnxName, string milName, long[] dims, DataType type) => _values[onnxName] = (milName, dims, type);

    /// <summary>A unique identifier matching <c>[A-Za-z_][A-Za-z0-9_@]*</c> derived from <paramref name="hint"/>.</summary>
    public string UniqueName(string hint)
    {
        var chars = hint.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '@' ? c : '_').ToArray();
        var name = new string(chars);
        if (name.Length == 0 || char.IsAsciiDigit(name[0]) || name[0] == '@') name = "_" + name;
        var candidate = name;
        for (int k = 1; !_names.Add(candidate); k++) candidate = $"{name}_{k}";
        return candidate;
    }

    /// <summary>Reserves a name without emitting anything (function inputs).</summary>
    public string Declare(string onnxName, long[] dims, DataType type)
    {
        var name = UniqueName(onnxName);
        Bind(onnxName, name, dims, type);
        return name;
    }

    public string Const(string hint, TensorData data)
    {
        var dims = data.Shape.ToArray();
        if (data.DataType == DataType.Float32 && data.ElementCount >= CoreMlLayout.MinBlobElements)
        {
            var blob = new CoreMlBlob(_blobEnd, data);
            Blobs.Add(blob);
            _blobEnd = CoreMlLayout.Align(blob.DataOffset + data.ByteLength);
            var value = new Value
            {
                Type = TensorTypeOf(Proto.DataType.Float32, dims),
                BlobFileValue = new Value.Types.BlobFileValue { FileName = CoreMlLayout.BlobFileName, Offset = (ulong)blob.MetadataOffset },
            };
            return ConstOp(hint, value, Proto.DataType.Float32, dims);
        }
        var tensor = data.DataType switch
        {
            DataType.Float32 or DataType.Float16 or DataType.Float64 => new TensorValue { Floats = new TensorValue.Types.RepeatedFloats { Values = { ShapeInference.ReadFloats(data) } } },
            DataType.Int64 or DataType.Int32 => new TensorValue { Ints = new TensorValue.Types.RepeatedInts { Values = { ShapeInference.ReadInt64s(data).Select(v => (int)Math.Clamp(v, int.MinValue, int.MaxValue)) } } },
            _ => throw new InvalidOperationException($"constant '{hint}' has element type {DataTypes.Name(data.DataType)}"),
        };
        var type = DataTypes.IsFloatingPoint(data.DataType) ? Proto.DataType.Float32 : Proto.DataType.Int32;
        return ConstOp(hint, Immediate(tensor, type, dims), type, dims);
    }

    public string ConstInts(string hint, IEnumerable<long> values)
    {
        var list = values.Select(v => (int)v).ToArray();
        return ConstOp(hint, Immediate(new TensorValue { Ints = new TensorValue.Types.RepeatedInts { Values = { list } } }, Proto.DataType.Int32, [list.Length]), Proto.DataType.Int32, [list.Length]);
    }

    public string ConstInt(string hint, long value) =>
        ConstOp(hint, Immediate(new TensorValue { Ints = new TensorValue.Types.RepeatedInts { Values = { (int)value } } }, Proto.DataType.Int32, []), Proto.DataType.Int32, []);

    public string ConstFloat(string hint, float value) =>
        ConstOp(hint, Immediate(new TensorValue { Floats = new TensorValue.Types.RepeatedFloats { Values = { value } } }, Proto.DataType.Float32, []), Proto.DataType.Float32, []);

    public string ConstBool(string hint, bool value) =>
        ConstOp(hint, Immediate(new TensorValue { Bools = new TensorValue.Types.RepeatedBools { Values = { value } } }, Proto.DataType.Bool, []), Proto.DataType.Bool, []);

    public string ConstString(string hint, string value) =>
        ConstOp(hint, Immediate(new TensorValue { Strings = new TensorValue.Types.RepeatedStrings { Values = { value } } }, Proto.DataType.String, []), Proto.DataType.String, []);

    /// <summary>Adds an operation with one float32 output; inputs map parameter names to value names (several for variadic ones).</summary>
    public string Op(string type, string hint, IEnumerable<(string Param, string[] Names)> inputs, long[] dims, string? outputName = null)
    {
        var op = new Operation { Type = type };
        foreach (var (param, names) in inputs)
        {
            var argument = new Argument();
            foreach (var n in names) argument.Arguments.Add(new Argument.Types.Binding { Name = n });
            op.Inputs.Add(param, argument);
        }
        var name = outputName ?? UniqueName(hint);
        op.Outputs.Add(new NamedValueType { Name = name, Type = TensorTypeOf(Proto.DataType.Float32, dims) });
        op.Attributes.Add("name", NameValue(name));
        Operations.Add(op);
        return name;
    }

    /// <summary>An op producing ONNX value <paramref name="onnxOutput"/>, named after it.</summary>
    public void OpFor(string onnxOutput, string type, IEnumerable<(string Param, string[] Names)> inputs)
    {
        var dims = DimsOf(onnxOutput);
        var name = Op(type, onnxOutput, inputs, dims);
        Bind(onnxOutput, name, dims, DataType.Float32);
    }

    public static ValueType TensorTypeOf(Proto.DataType type, long[] dims)
    {
        var tensor = new TensorType { DataType = type, Rank = dims.Length };
        foreach (var d in dims)
            tensor.Dimensions.Add(d >= 0
                ? new Dimension { Constant = new Dimension.Types.ConstantDimension { Size = (ulong)d } }
                : new Dimension { Unknown = new Dimension.Types.UnknownDimension { Variadic = false } });
        return new ValueType { TensorType = tensor };
    }

    private string ConstOp(string hint, Value value, Proto.DataType type, long[] dims)
    {
        var name = UniqueName(hint);
        var op = new Operation { Type = "const" };
        op.Outputs.Add(new NamedValueType { Name = name, Type = TensorTypeOf(type, dims) });
        op.Attributes.Add("name", NameValue(name));
        op.Attributes.Add("val", value);
        Operations.Add(op);
        return name;
    }

    private static Value Immediate(TensorValue tensor, Proto.DataType type, long[] dims) =>
        new() { Type = TensorTypeOf(type, dims), ImmediateValue = new Value.Types.ImmediateValue { Tensor = tensor } };

    private static Value NameValue(string name) =>
        Immediate(new TensorValue { Strings = new TensorValue.Types.RepeatedStrings { Values = { name } } }, Proto.DataType.String, []);
}
