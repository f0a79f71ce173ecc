using ModelBuild.Core.Diagnostics;

namespace ModelBuild.Core.Importers.TorchScript;

/// <summary>
/// A call bound to one schema overload: every argument of the schema has a value, in schema order, whether the
/// code passed it positionally, by keyword, or dropped it as equal to its default. Lowerings read arguments by
/// name through the typed accessors, which fail with MBLD2015 naming the op and argument.
/// </summary>
public sealed class BoundCall
{
    private readonly object?[] _values;

    public BoundCall(OperatorSchema schema, object?[] values, SourceLocation location, string? archive)
    {
        Schema = schema;
        _values = values;
        Location = location;
        Archive = archive;
    }

    public OperatorSchema Schema { get; }
    public SourceLocation Location { get; }
    public string? Archive { get; }
    public IReadOnlyList<object?> Values => _values;

    public object? this[string name] => _values[IndexOf(name)];

    public bool Has(string name) => Schema.Arguments.Any(a => a.Name == name);

    public TensorValue Tensor(string name) => this[name] as TensorValue ?? throw Fail(name, "a tensor");

    public TensorValue? OptionalTensor(string name) => this[name] switch
    {
        null => null,
        TensorValue t => t,
        _ => throw Fail(name, "a tensor or None"),
    };

    public IReadOnlyList<TensorValue> Tensors(string name) => this[name] switch
    {
        List<object?> l when l.All(i => i is TensorValue) => l.Cast<TensorValue>().ToArray(),
        TupleValue t when t.Items.All(i => i is TensorValue) => t.Items.Cast<TensorValue>().ToArray(),
        _ => throw Fail(name, "a list of tensors"),
    };

    public long Int(string name) => ToLong(this[name]) ?? throw Fail(name, "an int known at conversion time");

    public long? OptionalInt(string name) => this[name] is null ? null : Int(name);

    public double Double(string name) => this[name] switch
    {
        double d => d,
        long l => l,
        bool b => b ? 1 : 0,
        TensorValue { Known: [var k] } => k,
        _ => throw Fail(name, "a number known at conversion time"),
    };

    public bool Bool(string name) => this[name] switch
    {
        bool b => b,
        long l => l != 0,
        _ => throw Fail(name, "a bool known at conversion time"),
    };

    public string? OptionalString(string name) => this[name] switch
    {
        null => null,
        string s => s,
        _ => throw Fail(name, "a string"),
    };

    /// <summary>An <c>int[]</c> argument; a single int fills a fixed-size list (<c>int[2] padding=0</c>).</summary>
    public long[] Ints(string name)
    {
        var arg = Schema.Arguments[IndexOf(name)];
        switch (this[name])
        {
            case List<object?> l: return l.Select(v => ToLong(v) ?? throw Fail(name, "a list of ints known at conversion time")).ToArray();
            case TupleValue t: return t.Items.Select(v => ToLong(v) ?? throw Fail(name, "a list of ints known at conversion time")).ToArray();
            case long l when arg.Type.FixedSize is int n: return Enumerable.Repeat(l, n).ToArray();
            case long l: return [l];
            default: throw Fail(name, "a list of ints");
        }
    }

    /// <summary>
    /// A shape argument whose entries may be symbolic: the items as <c>long</c> or <see cref="SymIntValue"/>
    /// (known 0-dim tensors folded to <c>long</c>); null when every entry is known (use <see cref="Ints"/>).
    /// </summary>
    public IReadOnlyList<object?>? Shape(string name)
    {
        IReadOnlyList<object?>? items = this[name] switch { List<object?> l => l, TupleValue t => t.Items, _ => null };
        if (items is null || !items.Any(i => i is SymIntValue)) return null;
        return items.Select(v => v is SymIntValue ? v : ToLong(v) ?? throw Fail(name, "a list of ints")).ToArray();
    }

    /// <summary>MBLD2015: this use of the op is not supported, naming the op, the argument and where it is called.</summary>
    public ModelBuildException Unsupported(string message) =>
        TorchScriptThrowHelper.At(DiagnosticCode.TorchScriptOperatorArguments, Archive, Location, $"{Schema.FullName}: {message}");

    private ModelBuildException Fail(string name, string expected) =>
        Unsupported($"argument '{name}' must be {expected}, but is {ScriptTypes.Describe(this[name])}.");

    private int IndexOf(string name)
    {
        for (int i = 0; i < Schema.Arguments.Count; i++)
            if (Schema.Arguments[i].Name == name) return i;
        throw new ArgumentException($"{Schema.FullName} has no argument '{name}'.", nameof(name));
    }

    private static long? ToLong(object? v) => v switch
    {
        long l => l,
        bool b => b ? 1 : 0,
        TensorValue { Known: [var k] } when k == Math.Floor(k) => (long)k,
        _ => null,
    };
}
