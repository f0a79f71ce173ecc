using System.Runtime.InteropServices;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Exporters.TfLite;

/// <summary>
/// State of one ONNX → TFLite lowering, handed to every converter in <c>Ops/</c>: ONNX values and their lowered
/// tensors, static shapes, constants, and the layout rule. A value keeps the layout its producer chose (NHWC out of
/// convolutions and pools, ONNX order elsewhere); a consumer asks <see cref="Tensor"/> for the layout it needs, and
/// a TRANSPOSE (or a RESHAPE, when only size-1 dims move) is inserted once per value and layout, only there.
/// Constants are permuted at export time instead.
/// </summary>
internal sealed class TfLiteLowering
{
    private readonly Dictionary<string, TfLiteValue> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), int> _relayouts = [];
    private readonly Dictionary<string, TensorData> _constants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _useCounts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _graphOutputs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _names = new(StringComparer.Ordinal);

    public TfLiteLowering(Model model, TfLiteWriterOptions options, string? file)
    {
        Model = model;
        Options = options;
        File = file;
        foreach (var init in model.Graph.Initializers) _constants[init.Name] = init.Data;
        // An initializer named like a graph input is only the input's default value: the input wins.
        foreach (var input in model.Graph.Inputs) _constants.Remove(input.Name);
        foreach (var output in model.Graph.Outputs) _graphOutputs.Add(output.Name);
        Opset = model.OpsetImports.TryGetValue("", out var v) ? v : model.OpsetImports.TryGetValue("ai.onnx", out var w) ? w : 1;
    }

    public Model Model { get; }
    public TfLiteWriterOptions Options { get; }
    public string? File { get; }
    public long Opset { get; }
    public TfLiteModelBuilder Builder { get; } = new();

    public void CountUses(IEnumerable<Node> nodes)
    {
        foreach (var node in nodes)
        foreach (var input in node.Inputs)
            if (input.Length > 0) _useCounts[input] = _useCounts.GetValueOrDefault(input) + 1;
        foreach (var output in _graphOutputs) _useCounts[output] = _useCounts.GetValueOrDefault(output) + 1;
    }

    public int UseCount(string name) => _useCounts.GetValueOrDefault(name);

    public bool IsGraphOutput(string name) => _graphOutputs.Contains(name);

    // ---- sign ------------------------------------------------------------------------------------------------

    private readonly HashSet<string> _nonNegative = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether a value is known to be ≥ 0 (the output of a ReLU, directly or fused, and what only moves or pools
    /// such values): a max pool can then pad it with zeros (PAD) instead of the lowest float (PADV2, which not every
    /// TFLite runtime has; Arm NN 22 lacks it), with the same result, since every window holds a real element.
    /// </summary>
    public bool IsNonNegative(string name) => _nonNegative.Contains(name);

    /// <summary>Records the sign of <paramref name="node"/>'s outputs once it is lowered.</summary>
    public void NoteSign(Node node)
    {
        var data = node.Inputs.Where(i => i.Length > 0).ToList();
        bool nonNegative = TfLiteFusions.ActivationOf(node) is TfLiteActivation.Relu or TfLiteActivation.Relu6 || node.OpType switch
        {
            "Relu" or "Sigmoid" or "HardSigmoid" => true,
            "Clip" => Ops.Activations.ClipBounds(this, node).Min >= 0,
            "Concat" => data.Count > 0 && data.All(IsNonNegative),
            "MaxPool" or "AveragePool" or "GlobalAveragePool" or "Reshape" or "Flatten" or "Squeeze" or "Unsqueeze" or "Transpose"
                or "Identity" or "Dropout" or "Slice" or "Split" or "Gather" => data.Count > 0 && IsNonNegative(data[0]),
            _ => false,
        };
        if (!nonNegative) return;
        foreach (var output in node.Outputs.Where(o => o.Length > 0)) _nonNegative.Add(output);
    }

    // ---- constants ------------------------------------------------------------------------------------------

    public bool IsConstant(string name) => _constants.ContainsKey(name);

    public void AddConstant(string name, TensorData data) => _constants[name] = data;

    public TensorData ConstantData(string name) => _constants[name];

    public float[] ConstantFloats(Node node, string name)
    {
        if (!_constants.TryGetValue(name, out var data))
            throw TfLiteThrowHelper.UnsupportedAttribute(File, node, $"input '{name}' must be a constant (an initializer) for this target");
        var bytes = data.ReadAllBytes();
        return data.DataType switch
        {
            DataType.Float32 => MemoryMarshal.Cast<byte, float>(bytes).ToArray(),
            DataType.Float64 => MemoryMarshal.Cast<byte, double>(bytes).ToArray().Select(d => (float)d).ToArray(),
            DataType.Float16 => MemoryMarshal.Cast<byte, Half>(bytes).ToArray().Select(h => (float)h).ToArray(),
            _ => throw TfLiteThrowHelper.UnsupportedDataType(File, name, DataTypes.Name(data.DataType)),
        };
    }

    public long[] ConstantInts(Node node, string name)
    {
        if (!_constants.TryGetValue(name, out var data))
            throw TfLiteThrowHelper.DynamicShape(File, name, $"input of {TfLiteThrowHelper.Describe(node)} is computed at run time; it must be a constant");
        var bytes = data.ReadAllBytes();
        return data.DataType switch
        {
            DataType.Int64 => MemoryMarshal.Cast<byte, long>(bytes).ToArray(),
            DataType.Int32 => MemoryMarshal.Cast<byte, int>(bytes).ToArray().Select(i => (long)i).ToArray(),
            _ => throw TfLiteThrowHelper.UnsupportedDataType(File, name, DataTypes.Name(data.DataType)),
        };
    }

    /// <summary>Adds a float constant tensor in TFLite order (already permuted); with fp16 weights, a FLOAT16 buffer plus DEQUANTIZE.</summary>
    public int FloatConstant(string name, long[] tfliteShape, float[] values)
    {
        var shape = IntShape(name, tfliteShape);
        if (!Options.Fp16Weights)
            return Builder.AddConstant(UniqueName(name), TfLiteTensorType.Float32, shape, MemoryMarshal.AsBytes(values.AsSpan()).ToArray());
        var halves = values.Select(v => (Half)v).ToArray();
        int stored = Builder.AddConstant(UniqueName(name + "/fp16"), TfLiteTensorType.Float16, shape, MemoryMarshal.AsBytes(halves.AsSpan()).ToArray());
        int dequantized = Builder.AddTensor(UniqueName(name), TfLiteTensorType.Float32, shape);
        Builder.AddOperator(TfLiteBuiltinOperator.DEQUANTIZE, [stored], [dequantized], TfLiteOperatorOptions.Empty(TfLiteBuiltinOptions.DequantizeOptions));
        return dequantized;
    }

    public int IntConstant(string name, int[] values) =>
        Builder.AddConstant(UniqueName(name), TfLiteTensorType.Int32, [values.Length], MemoryMarshal.AsBytes(values.AsSpan()).ToArray());

    // ---- values -----------------------------------------------------------------------------------------------

    public long[] Shape(string name)
    {
        if (_values.TryGetValue(name, out var v)) return v.Shape;
        if (_constants.TryGetValue(name, out var c)) return c.Shape.ToArray();
        throw new InvalidOperationException($"Value '{name}' is used before it is lowered.");
    }

    public int[] LayoutOf(string name) => _values.TryGetValue(name, out var v) ? v.Layout : TfLitePermutation.Identity(Shape(name).Length);

    /// <summary>The tensor of <paramref name="name"/> in the layout it has now (constants in ONNX order).</summary>
    public TfLiteValue Value(Node node, string name)
    {
        if (_values.TryGetValue(name, out var v)) return v;
        var shape = Shape(name);
        var identity = TfLitePermutation.Identity(shape.Length);
        return new TfLiteValue(Tensor(node, name, identity), shape, identity);
    }

    /// <summary>The tensor of <paramref name="name"/> in <paramref name="layout"/>, transposing (or permuting a constant) if needed.</summary>
    public int Tensor(Node node, string name, int[] layout)
    {
        if (!_values.ContainsKey(name) && IsConstant(name))
        {
            var key = (name, TfLitePermutation.Key(layout));
            if (_relayouts.TryGetValue(key, out var done)) return done;
            var shape = Shape(name);
            var data = TfLitePermutation.PermuteData(ConstantFloats(node, name), shape, layout);
            int constant = FloatConstant(name, TfLitePermutation.Apply(shape, layout), data);
            _relayouts[key] = constant;
            return constant;
        }
        var value = Value(node, name);
        if (value.Layout.SequenceEqual(layout)) return value.Tensor;
        var cacheKey = (name, TfLitePermutation.Key(layout));
        if (_relayouts.TryGetValue(cacheKey, out var existing)) return existing;
        var perm = TfLitePermutation.Between(value.Layout, layout);
        var inShape = TfLitePermutation.Apply(value.Shape, value.Layout);
        var outShape = TfLitePermutation.Apply(value.Shape, layout);
        int output = Builder.AddTensor(UniqueName($"{name}/{LayoutName(layout)}"), TfLiteTensorType.Float32, IntShape(name, outShape));
        if (TfLitePermutation.IsReshapeOnly(inShape, perm))
            Reshape(name, value.Tensor, output, outShape);
        else
            Builder.AddOperator(TfLiteBuiltinOperator.TRANSPOSE, [value.Tensor, IntConstant($"{name}/perm", perm)], [output], TfLiteOperatorOptions.Empty(TfLiteBuiltinOptions.TransposeOptions));
        _relayouts[cacheKey] = output;
        return output;
    }

    public int Tensor(Node node, string name) => Tensor(node, name, TfLitePermutation.Identity(Shape(name).Length));

    /// <summary>Creates the tensor of an ONNX value produced in <paramref name="layout"/> and records it.</summary>
    public int Define(string name, long[] onnxShape, int[] layout)
    {
        int tensor = Builder.AddTensor(UniqueName(name), TfLiteTensorType.Float32, IntShape(name, TfLitePermutation.Apply(onnxShape, layout)));
        _values[name] = new TfLiteValue(tensor, onnxShape, layout);
        return tensor;
    }

    /// <summary>Binds an ONNX value to an existing tensor (Transpose, Identity: no operator needed).</summary>
    public void Alias(string name, TfLiteValue value) => _values[name] = value;

    /// <summary>A scratch tensor for a multi-operator lowering (decompositions, explicit padding).</summary>
    public int Temporary(string name, long[] tfliteShape) => Builder.AddTensor(UniqueName(name), TfLiteTensorType.Float32, IntShape(name, tfliteShape));

    public void Reshape(string name, int input, int output, long[] tfliteShape)
    {
        var shape = IntShape(name, tfliteShape);
        Builder.AddOperator(TfLiteBuiltinOperator.RESHAPE, [input, IntConstant($"{name}/shape", shape)], [output], TfLiteOperatorOptions.Reshape(shape));
    }

    public int[] IntShape(string name, IReadOnlyList<long> shape)
    {
        var result = new int[shape.Count];
        for (int i = 0; i < shape.Count; i++)
        {
            if (shape[i] < 0 || shape[i] > int.MaxValue)
                throw TfLiteThrowHelper.DynamicShape(File, name, $"dimension {i} is {shape[i]}");
            result[i] = (int)shape[i];
        }
        return result;
    }

    public void RenameTensor(int tensor, string name)
    {
        foreach (var t in Builder.Tensors)
            if (t.Name == name) t.Name = UniqueName(name + "/internal");
        Builder.Tensors[tensor].Name = name;
    }

    /// <summary>Tensor names stay unique: TFLite tools and LiteRT.js's signature look names up.</summary>
    public string UniqueName(string name)
    {
        if (!_names.TryGetValue(name, out var n))
        {
            _names[name] = 1;
            return name;
        }
        _names[name] = n + 1;
        return UniqueName($"{name}_{n}");
    }

    private static string LayoutName(int[] layout) =>
        layout.SequenceEqual(TfLitePermutation.Nhwc) ? "nhwc" : TfLitePermutation.IsIdentity(layout) ? "onnx" : "perm" + string.Concat(layout);

    // ---- attributes --------------------------------------------------------------------------------------------

    public static long Int(Node node, string name, long fallback) => node.Attribute(name)?.Int ?? fallback;

    public static float Float(Node node, string name, float fallback) => node.Attribute(name)?.Float ?? fallback;

    public static long[] Ints(Node node, string name, long[] fallback) => node.Attribute(name)?.Ints.ToArray() ?? fallback;

    public static string String(Node node, string name, string fallback) => node.Attribute(name)?.StringValue ?? fallback;

    public static int NormalizeAxis(long axis, int rank) => (int)(axis < 0 ? axis + rank : axis);
}
