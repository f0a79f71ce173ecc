using System.Globalization;
using System.Runtime.InteropServices;
using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.PyTorch.Modules;

/// <summary>
/// What a converter sees of one pickled <c>torch.nn</c> module: its path in the model (<c>features.0</c>), its
/// class, typed and strictly checked readers for the attributes BUILD set (hyperparameters such as
/// <c>kernel_size</c>), its weights as lazy initializers checked against the shapes the hyperparameters imply,
/// and the graph to add nodes to. Every error names the module path, the class and the attribute.
/// </summary>
public sealed class ModuleContext
{
    private readonly ModuleGraphBuilder _builder;
    private readonly Func<PickleObject, string, ModuleValue, ModuleValue> _convert;

    internal ModuleContext(ModuleGraphBuilder builder, PickleObject module, PickleDict state, string path, Func<PickleObject, string, ModuleValue, ModuleValue> convert)
    {
        _builder = builder;
        _convert = convert;
        Module = module;
        State = state;
        Path = path;
    }

    public PickleObject Module { get; }

    /// <summary>The module's attribute dict (<c>__dict__</c> as pickled): <c>training</c>, <c>_parameters</c>, hyperparameters…</summary>
    public PickleDict State { get; }

    /// <summary>Dotted path from the root module, as in <c>state_dict()</c> keys; empty for the root.</summary>
    public string Path { get; }

    public string ClassName => Module.Type.QualifiedName;

    public string FilePath => _builder.File.Path;

    // ---- attributes ------------------------------------------------------------------------------------------

    public bool Has(string name) => State.TryGetValue(name, out _);

    public object? Attribute(string name) =>
        State.TryGetValue(name, out var value) ? value : throw Invalid(name, "the attribute is missing (the module was saved by a torch version this converter does not know, or was changed after construction)");

    public bool IsNone(string name) => Attribute(name) is null;

    public long Int(string name) => Attribute(name) switch
    {
        long value => value,
        var other => throw Invalid(name, $"expected an integer, found {PickleReader.Describe(other)}"),
    };

    public long? OptionalInt(string name) => Attribute(name) is null ? null : Int(name);

    public bool Bool(string name) => Attribute(name) switch
    {
        bool value => value,
        var other => throw Invalid(name, $"expected True or False, found {PickleReader.Describe(other)}"),
    };

    public double Float(string name) => Attribute(name) switch
    {
        double value => value,
        long value => value,
        var other => throw Invalid(name, $"expected a number, found {PickleReader.Describe(other)}"),
    };

    public double? OptionalFloat(string name) => Attribute(name) is null ? null : Float(name);

    public string String(string name) => Attribute(name) switch
    {
        string value => value,
        var other => throw Invalid(name, $"expected a string, found {PickleReader.Describe(other)}"),
    };

    /// <summary>An int, or a tuple/list of exactly <paramref name="count"/> ints (how <c>_pair(3)</c> and <c>(3, 2)</c> are both stored).</summary>
    public long[] Ints(string name, int count)
    {
        var value = Attribute(name);
        if (value is long single) return Enumerable.Repeat(single, count).ToArray();
        return IntList(name, value, count);
    }

    /// <summary>A tuple or list of ints of any length (<c>normalized_shape</c>), or of <paramref name="count"/> when given.</summary>
    public long[] IntList(string name, object? value, int? count = null)
    {
        IReadOnlyList<object?>? items = value switch
        {
            object?[] tuple => tuple,
            List<object?> list => list,
            _ => null,
        };
        if (items is null)
            throw Invalid(name, $"expected {(count is null ? "a tuple of integers" : $"an integer or a tuple of {count} integers")}, found {PickleReader.Describe(value)}");
        if (count is not null && items.Count != count)
            throw Invalid(name, $"expected {count} values, found {items.Count}");
        var result = new long[items.Count];
        for (int i = 0; i < items.Count; i++)
            result[i] = items[i] is long l ? l : throw Invalid(name, $"item {i} is {PickleReader.Describe(items[i])}, not an integer");
        return result;
    }

    /// <summary>Throws unless <paramref name="name"/> holds one of <paramref name="allowed"/> (strings compared ordinally).</summary>
    public string OneOf(string name, params string[] allowed)
    {
        var value = String(name);
        if (!allowed.Contains(value, StringComparer.Ordinal))
            throw Unsupported(name, $"'{value}' is not converted (supported: {string.Join(", ", allowed.Select(a => $"'{a}'"))})");
        return value;
    }

    // ---- weights ---------------------------------------------------------------------------------------------

    /// <summary>
    /// The parameter <paramref name="name"/> (from <c>_parameters</c>) as an initializer named like its
    /// <c>state_dict()</c> key; null when the module holds None there (<c>bias=False</c>). Its dtype must be
    /// <paramref name="type"/> and its shape <paramref name="shape"/>.
    /// </summary>
    public string? Parameter(string name, DataType type, params long[] shape) => Tensor("_parameters", name, type, shape);

    /// <summary>Like <see cref="Parameter"/>, for a parameter that must not be None (a Linear's <c>weight</c>).</summary>
    public string RequiredParameter(string name, DataType type, params long[] shape) =>
        Parameter(name, type, shape) ?? throw Invalid($"_parameters.{name}", "the tensor is None, but this module always has it");

    /// <summary>Like <see cref="Parameter"/>, for a buffer (<c>_buffers</c>: <c>running_mean</c>…).</summary>
    public string? Buffer(string name, DataType type, params long[] shape) => Tensor("_buffers", name, type, shape);

    private string? Tensor(string dictName, string name, DataType type, long[] shape)
    {
        if (Attribute(dictName) is not PickleDict dict) throw Invalid(dictName, $"expected a dict, found {PickleReader.Describe(State.TryGetValue(dictName, out var v) ? v : null)}");
        if (!dict.TryGetValue(name, out var value)) throw Invalid($"{dictName}.{name}", "the tensor is missing");
        if (value is null) return null;
        if (value is not PickleTensor tensor) throw Invalid($"{dictName}.{name}", $"expected a tensor, found {PickleReader.Describe(value)}");
        var key = Path.Length == 0 ? name : $"{Path}.{name}";
        var data = _builder.File.Materialize(tensor, key);
        if (data.DataType != type)
            throw Create(DiagnosticCode.ModuleWeightMismatch, name, $"the tensor is {DataTypes.Name(data.DataType)}, but {DataTypes.Name(type)} is needed here (floating-point weights must have the input's dtype: declare the input with the weights' dtype, or save the model in the input's)");
        if (!data.Shape.SequenceEqual(shape))
            throw Create(DiagnosticCode.ModuleWeightMismatch, name, $"the tensor's shape is [{string.Join(",", data.Shape)}], but the module's hyperparameters imply [{string.Join(",", shape)}]");
        return _builder.AddInitializer(key, data);
    }

    /// <summary>The child modules (<c>_modules</c>) in order; a None child is an error.</summary>
    public IReadOnlyList<(string Name, PickleObject Module)> Children()
    {
        if (Attribute("_modules") is not PickleDict modules) throw Invalid("_modules", "expected a dict of child modules");
        var children = new List<(string, PickleObject)>(modules.Count);
        foreach (var (key, value) in modules.Items)
        {
            var childName = key switch
            {
                string s => s,
                long l => l.ToString(CultureInfo.InvariantCulture),
                _ => throw Invalid("_modules", $"a child is keyed by {PickleReader.Describe(key)}, not a name"),
            };
            if (value is not PickleObject child) throw Invalid($"_modules.{childName}", $"expected a module, found {PickleReader.Describe(value)}");
            children.Add((childName, child));
        }
        return children;
    }

    /// <summary>Converts a child module applied to <paramref name="input"/>, through the table.</summary>
    public ModuleValue Call(string childName, PickleObject child, ModuleValue input) =>
        _convert(child, Path.Length == 0 ? childName : $"{Path}.{childName}", input);

    // ---- graph -----------------------------------------------------------------------------------------------

    /// <summary>Adds one node with one output of the given type and shape, named after this module.</summary>
    public ModuleValue Op(string opType, IReadOnlyList<string> inputs, DataType type, TensorShape shape, params NodeAttribute[] attributes) =>
        _builder.AddNode(Path, opType, inputs, type, shape, attributes);

    /// <summary>Adds a node whose output has its input's type and shape (activations).</summary>
    public ModuleValue Same(string opType, ModuleValue input, params NodeAttribute[] attributes) =>
        Op(opType, [input.Name], input.ElementType, input.Shape, attributes);

    /// <summary>A constant of the input's float type (float32, float64 or float16) as an in-memory initializer.</summary>
    public string Constant(string hint, DataType type, double[] values, params long[] shape)
    {
        byte[] bytes = type switch
        {
            DataType.Float32 => MemoryMarshal.AsBytes(values.Select(v => (float)v).ToArray().AsSpan()).ToArray(),
            DataType.Float64 => MemoryMarshal.AsBytes(values.AsSpan()).ToArray(),
            DataType.Float16 => MemoryMarshal.AsBytes(values.Select(v => (Half)v).ToArray().AsSpan()).ToArray(),
            _ => throw InputMismatch($"the input is {DataTypes.Name(type)}; this module needs a floating-point input (float32, float64 or float16)"),
        };
        return _builder.AddInitializer(ConstantName(hint), TensorData.FromBytes(bytes, type, shape));
    }

    /// <summary>A scalar constant of the input's float type.</summary>
    public string Scalar(string hint, DataType type, double value) => Constant(hint, type, [value]);

    public string Int64Constant(string hint, long[] values) =>
        _builder.AddInitializer(ConstantName(hint), TensorData.FromBytes(MemoryMarshal.AsBytes(values.AsSpan()).ToArray(), DataType.Int64, [values.Length]));

    private string ConstantName(string hint) => Path.Length == 0 ? $"/{hint}" : $"/{Path}/{hint}";

    // ---- checks and errors -----------------------------------------------------------------------------------

    public void RequireRank(ModuleValue input, params int[] ranks)
    {
        if (!ranks.Contains(input.Rank))
            throw InputMismatch($"the input {input} has rank {input.Rank}; this module takes rank {string.Join(" or ", ranks)}{(ranks.Length == 1 && ranks[0] >= 3 ? " (with a batch dimension)" : "")}");
    }

    public void RequireFloat(ModuleValue input)
    {
        if (input.ElementType is not (DataType.Float32 or DataType.Float64 or DataType.Float16))
            throw InputMismatch($"the input is {DataTypes.Name(input.ElementType)}; this module needs float32, float64 or float16");
    }

    /// <summary>Checks that dim <paramref name="axis"/> of the input, when known, is <paramref name="expected"/>.</summary>
    public void RequireDim(ModuleValue input, int axis, long expected, string what)
    {
        var dim = input.Dims[axis];
        if (dim.IsFixed && dim.Value != expected)
            throw InputMismatch($"the input {input} has {dim} at dim {axis}, but the module's {what} is {expected}");
    }

    /// <summary>A torch dim argument (negative counts from the end) as an index into a rank-<paramref name="rank"/> shape.</summary>
    public int Axis(string attribute, long dim, int rank)
    {
        long axis = dim < 0 ? dim + rank : dim;
        if (axis < 0 || axis >= rank) throw InputMismatch($"{attribute}={dim} is out of range for an input of rank {rank}");
        return (int)axis;
    }

    /// <summary>A dim computed from a known one, or unknown.</summary>
    public static Dim Map(Dim dim, Func<long, long> compute) => dim.IsFixed ? Dim.Fixed(compute(dim.Value!.Value)) : Dim.Unknown;

    public ModelBuildException Invalid(string? attribute, string message) => Create(DiagnosticCode.ModuleAttributeInvalid, attribute, message);

    public ModelBuildException Unsupported(string? attribute, string message) => Create(DiagnosticCode.ModuleFeatureUnsupported, attribute, message);

    public ModelBuildException InputMismatch(string message) => Create(DiagnosticCode.ModuleInputMismatch, null, message);

    public ModelBuildException Create(DiagnosticCode code, string? attribute, string message) =>
        ModuleThrowHelper.Create(code, FilePath, Path, ClassName, attribute, message);
}
