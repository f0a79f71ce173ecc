using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript;

/// <summary>
/// A tensor during conversion: the ONNX value holding it (<see cref="Name"/>, null until a lowering needs it for
/// a value known at conversion time), its element type and static shape (null = unknown rank; -1 = unknown dim),
/// and, for small tensors known at conversion time (<c>NumToTensor(size(x, 0))</c>, 0-dim constants), their
/// values, so shape arithmetic folds instead of becoming ONNX nodes.
/// </summary>
public sealed class TensorValue
{
    public TensorValue(string? name, DataType dataType, long[]? shape, double[]? known = null)
    {
        Name = name;
        DataType = dataType;
        Shape = shape;
        Known = known;
    }

    public string? Name { get; internal set; }
    public DataType DataType { get; }
    public long[]? Shape { get; }
    /// <summary>The values when known at conversion time; cleared when a run-time value is written into the tensor.</summary>
    public double[]? Known { get; internal set; }

    /// <summary>
    /// For a view (a slice or select, or an untracked alias such as <c>x.view(…)</c>): the tensor it views. For a
    /// slice of a tensor known at conversion time (<c>new_zeros(…)[a:b, c:d]</c>) also, per element, the flat position
    /// in that tensor (<see cref="ViewPositions"/>), so a known <c>fill_</c> folds into it.
    /// </summary>
    public TensorValue? ViewRoot { get; init; }

    public long[]? ViewPositions
    {
        get => _viewPositions?.Value;
        init => _viewPositions = value is null ? null : new Lazy<long[]>(value);
    }

    /// <summary>Sets <see cref="ViewPositions"/> to be computed when first read.</summary>
    public Func<long[]>? ViewPositionsOnDemand { init => _viewPositions = value is null ? null : new Lazy<long[]>(value); }

    /// <summary>
    /// For a slice or select of a tensor (<see cref="ViewRoot"/> or a tracked view of it): the tensor it was taken
    /// from and how, so an in-place write into it can be rebuilt into that tensor, and on up to the root. Null for a
    /// root and for views the converter does not track (<c>x.view(…)</c>), which cannot be written into.
    /// </summary>
    public TensorValue? ViewParent { get; init; }

    public ViewStep? ViewStep { get; init; }

    /// <summary>Whether this view of a conversion-time tensor knows the flat positions it views (for folding <c>fill_</c>).</summary>
    internal bool HasViewPositions => _viewPositions is not null;

    private Lazy<long[]>? _viewPositions;

    /// <summary>
    /// For a nested tensor (what <c>nn.TransformerEncoder</c>'s fast path makes from a key padding mask with
    /// <c>_nested_tensor_from_mask</c>): this value holds the sequences padded to a common length, and this bool
    /// [batch, length] tensor says which positions are tokens. Padded positions hold don't-care values; only the
    /// lowerings that know nested tensors accept one (<c>_transformer_encoder_layer_fwd</c>, <c>to_padded_tensor</c>).
    /// </summary>
    public TensorValue? NestedTokens { get; init; }

    public int Rank => Shape?.Length ?? -1;
    public bool IsStatic => Shape is not null && Shape.All(d => d >= 0);

    public override string ToString() => $"Tensor({DataTypes.Name(DataType)}[{(Shape is null ? "?" : string.Join(",", Shape))}])";
}

/// <summary>
/// How a view was taken from its parent: elements <c>Start, Start + Step, …</c> (<c>Count</c> of them) on
/// <c>Axis</c>, a slice, or the one element <c>Start</c> with the dim dropped (<c>Drops</c>), a select.
/// </summary>
public sealed record ViewStep(int Axis, long Start, long Step, long Count, bool Drops);

/// <summary>
/// An int known only when the model runs: a symbolic dim (<c>x.size(0)</c> of a <c>batch</c> input) or arithmetic on
/// one. <see cref="Value"/> is the 0-dim int64 ONNX value computing it (Shape → Gather/Squeeze, …). It passes for
/// <c>int</c>/<c>SymInt</c> arguments; lowerings that take shapes build them with Concat (see
/// <see cref="BoundCall.Shape"/>), the rest refuse it as not static (MBLD2013/2015).
/// </summary>
public sealed record SymIntValue(TensorValue Value)
{
    public override string ToString() => $"SymInt({Value.Name})";
}

/// <summary>A Python tuple (<c>(a, b)</c>, a tuple attribute, a multi-output op's result).</summary>
public sealed record TupleValue(object?[] Items)
{
    public override string ToString() => "(" + string.Join(", ", Items.Select(ScriptTypes.Describe)) + ")";
}

/// <summary>A module object reached through <c>self.x</c>, with its dotted path (<c>layer1.0.conv1</c>) for naming weights.</summary>
public sealed record ModuleValue(TorchScriptObject Object, string Path);

/// <summary>A dotted name not yet resolved: <c>torch</c>, <c>ops.prim</c>, <c>__torch__.torch.nn.functional</c>, <c>CONSTANTS</c>.</summary>
public sealed record NamespaceValue(string Path);

/// <summary>A free function value (<c>_0 = __torch__.torch.nn.functional.softmax</c>).</summary>
public sealed record FunctionValue(string QualifiedName);

/// <summary><c>torch.device("cpu")</c>.</summary>
public sealed record DeviceValue(string Device);

/// <summary><c>uninitialized(T)</c>: a value on a path that raises; using it is an error.</summary>
public sealed record UninitializedValue(string Type);

/// <summary>Static types of interpreter values, as overload resolution and messages see them.</summary>
public static class ScriptTypes
{
    public static string Describe(object? value) => value switch
    {
        null => "None",
        bool => "bool",
        long => "int",
        SymIntValue => "int",
        double => "float",
        string => "str",
        TensorValue => "Tensor",
        List<object?> l => l.Count == 0 ? "list[]" : Describe(l[0]) + "[]",
        TupleValue t => "Tuple[" + string.Join(", ", t.Items.Select(Describe)) + "]",
        ModuleValue m => m.Object.TypeName,
        DeviceValue => "Device",
        Dictionary<object, object?> => "Dict",
        _ => value.GetType().Name,
    };
}
