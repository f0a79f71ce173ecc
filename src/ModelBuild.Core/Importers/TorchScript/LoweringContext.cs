using System.Runtime.InteropServices;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;
using GraphModel = ModelBuild.Core.Graph.Graph;

namespace ModelBuild.Core.Importers.TorchScript;

/// <summary>
/// What a lowering may do to the hub graph: emit ONNX nodes (opset 17), make constants, cast, and apply PyTorch's
/// type promotion and broadcasting to static shapes. Value names are unique and deterministic.
/// </summary>
public sealed class LoweringContext
{
    private readonly Dictionary<string, int> _counters = new(StringComparer.Ordinal);

    public LoweringContext(GraphModel graph) => Graph = graph;

    public GraphModel Graph { get; }

    /// <summary>A fresh value name with <paramref name="stem"/>, e.g. <c>relu_3</c>.</summary>
    public string Fresh(string stem)
    {
        _counters.TryGetValue(stem, out int n);
        _counters[stem] = n + 1;
        return $"{stem}_{n}";
    }

    /// <summary>The ONNX value of <paramref name="t"/>, materializing a known constant on first use.</summary>
    public string In(TensorValue t)
    {
        if (t.Name is not null) return t.Name;
        if (t.Known is null || t.Shape is null) throw new InvalidOperationException("a tensor value has neither a graph value nor known contents.");
        t.Name = EmitConstant(t.Known, t.DataType, t.Shape);
        return t.Name;
    }

    /// <summary>Adds one node with one output and returns the output as a tensor.</summary>
    public TensorValue Emit(string opType, IEnumerable<string> inputs, DataType dataType, long[]? shape, params NodeAttribute[] attributes)
    {
        var output = Fresh(opType.ToLowerInvariant());
        var node = new Node(opType, inputs, [output], output);
        node.Attributes.AddRange(attributes);
        Graph.Nodes.Add(node);
        return new TensorValue(output, dataType, shape);
    }

    /// <summary>Adds one node with <paramref name="outputs"/> outputs.</summary>
    public string[] EmitMany(string opType, IEnumerable<string> inputs, int outputs, params NodeAttribute[] attributes)
    {
        var stem = Fresh(opType.ToLowerInvariant());
        var names = Enumerable.Range(0, outputs).Select(i => $"{stem}_{i}").ToArray();
        var node = new Node(opType, inputs, names, stem);
        node.Attributes.AddRange(attributes);
        Graph.Nodes.Add(node);
        return names;
    }

    public TensorValue Unary(string opType, TensorValue x, params NodeAttribute[] attributes) =>
        Emit(opType, [In(x)], x.DataType, x.Shape, attributes);

    /// <summary>A <c>Constant</c> node holding <paramref name="values"/> as <paramref name="dataType"/>.</summary>
    public string EmitConstant(IReadOnlyList<double> values, DataType dataType, long[] shape)
    {
        var name = Fresh("const");
        var node = new Node("Constant", [], [name], name);
        node.Attributes.Add(NodeAttribute.Of("value", ConstantData(values, dataType, shape)));
        Graph.Nodes.Add(node);
        return name;
    }

    /// <summary>Dim <paramref name="axis"/> of <paramref name="x"/> at run time: <c>Shape(start, end)</c> then <c>Squeeze</c>, as a 0-dim int64.</summary>
    public SymIntValue DimOf(TensorValue x, int axis)
    {
        var shape = Emit("Shape", [In(x)], DataType.Int64, [1], NodeAttribute.Of("start", (long)axis), NodeAttribute.Of("end", (long)axis + 1));
        return new SymIntValue(Emit("Squeeze", [In(shape), In(Ints(0))], DataType.Int64, []));
    }

    /// <summary>
    /// A shape list of ints and <see cref="SymIntValue"/>s as a 1-D int64 ONNX value: a constant when every entry is
    /// known, else a Concat of the known runs and each symbolic entry unsqueezed to [1].
    /// </summary>
    public TensorValue ShapeTensor(IReadOnlyList<object?> items)
    {
        if (items.All(i => i is long)) return Ints(items.Cast<long>().ToArray());
        var parts = new List<string>();
        var run = new List<long>();
        void Flush() { if (run.Count > 0) parts.Add(In(Ints([.. run]))); run.Clear(); }
        foreach (var item in items)
        {
            if (item is long l) { run.Add(l); continue; }
            Flush();
            var value = ((SymIntValue)item!).Value;
            parts.Add(In(Emit("Unsqueeze", [In(Cast(value, DataType.Int64)), In(Ints(0))], DataType.Int64, [1])));
        }
        Flush();
        return Emit("Concat", parts, DataType.Int64, [items.Count], NodeAttribute.Of("axis", 0L));
    }

    public TensorValue Ints(params long[] values) => new(EmitConstant(values.Select(v => (double)v).ToArray(), DataType.Int64, [values.Length]), DataType.Int64, [values.Length]);

    public TensorValue Scalar(double value, DataType dataType) => new(null, dataType, [], [value]);

    /// <summary>A Python number or tensor as a tensor of <paramref name="dataType"/> (numbers become 0-dim constants).</summary>
    public TensorValue AsTensor(object? value, DataType dataType, BoundCall call, string argument) => value switch
    {
        TensorValue t => t,
        SymIntValue s => s.Value,
        long l => Scalar(l, dataType),
        double d => Scalar(d, dataType),
        bool b => Scalar(b ? 1 : 0, dataType),
        _ => throw call.Unsupported($"argument '{argument}' must be a tensor or a number, but is {ScriptTypes.Describe(value)}."),
    };

    public TensorValue Cast(TensorValue x, DataType to)
    {
        if (x.DataType == to) return x;
        if (x.Name is null && x.Known is not null)
        {
            // Folded as ONNX Cast computes: toward zero for integers, non-zero → true for bool.
            var values = to is DataType.Bool ? x.Known.Select(v => v != 0 ? 1.0 : 0).ToArray()
                : IsFloating(to) ? x.Known : x.Known.Select(Math.Truncate).ToArray();
            return new TensorValue(null, to, x.Shape, values);
        }
        return Emit("Cast", [In(x)], to, x.Shape, NodeAttribute.Of("to", (long)to));
    }

    /// <summary>
    /// PyTorch's result type for an elementwise op: the highest category (bool &lt; integer &lt; floating) decides;
    /// within it, dimensioned tensors outrank 0-dim tensors, which outrank Python numbers (float → float32, int → int64).
    /// </summary>
    public static DataType ResultType(IEnumerable<object?> operands)
    {
        var list = operands.ToList();
        int Category(DataType t) => t is DataType.Bool ? 0 : IsFloating(t) ? 2 : 1;
        int NumberCategory(object? v) => v switch { bool => 0, long => 1, double => 2, _ => -1 };
        int top = list.Max(v => v is TensorValue t ? Category(t.DataType) : NumberCategory(v));
        foreach (var dimensioned in new[] { true, false })
        {
            var types = list.OfType<TensorValue>().Where(t => (t.Rank != 0) == dimensioned && Category(t.DataType) == top).Select(t => t.DataType).ToList();
            if (types.Count > 0) return types.MaxBy(Rank);
        }
        return top switch { 2 => DataType.Float32, 1 => DataType.Int64, _ => DataType.Bool };
    }

    public static bool IsFloating(DataType t) => t is DataType.Float32 or DataType.Float64 or DataType.Float16 or DataType.BFloat16;

    /// <summary>NumPy broadcasting of static shapes; null when either is unknown.</summary>
    public static long[]? Broadcast(long[]? a, long[]? b)
    {
        if (a is null || b is null) return null;
        int rank = Math.Max(a.Length, b.Length);
        var result = new long[rank];
        for (int i = 0; i < rank; i++)
        {
            long x = i < rank - a.Length ? 1 : a[i - (rank - a.Length)];
            long y = i < rank - b.Length ? 1 : b[i - (rank - b.Length)];
            result[i] = x == 1 ? y : y == 1 ? x : x == y ? x : -1;
        }
        return result;
    }

    /// <summary>A negative dim counted from the end, as PyTorch allows.</summary>
    public static int Axis(long dim, int rank) => (int)(dim < 0 ? dim + rank : dim);

    private static int Rank(DataType t) => t switch
    {
        DataType.Bool => 0, DataType.UInt8 => 1, DataType.Int8 => 2, DataType.Int16 => 3, DataType.Int32 => 4, DataType.Int64 => 5,
        DataType.Float16 => 6, DataType.BFloat16 => 7, DataType.Float32 => 8, DataType.Float64 => 9, _ => -1,
    };

    public static TensorData ConstantData(IReadOnlyList<double> values, DataType dataType, long[] shape)
    {
        byte[] bytes = dataType switch
        {
            DataType.Float32 => MemoryMarshal.AsBytes(values.Select(v => (float)v).ToArray().AsSpan()).ToArray(),
            DataType.Float64 => MemoryMarshal.AsBytes(values.ToArray().AsSpan()).ToArray(),
            DataType.Int64 => MemoryMarshal.AsBytes(values.Select(v => (long)v).ToArray().AsSpan()).ToArray(),
            DataType.Int32 => MemoryMarshal.AsBytes(values.Select(v => (int)v).ToArray().AsSpan()).ToArray(),
            DataType.Bool => values.Select(v => v != 0 ? (byte)1 : (byte)0).ToArray(),
            _ => throw new NotSupportedException($"constants of {DataTypes.Name(dataType)} are not supported."),
        };
        return TensorData.FromBytes(bytes, dataType, shape);
    }
}
