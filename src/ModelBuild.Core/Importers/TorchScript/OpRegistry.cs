namespace ModelBuild.Core.Importers.TorchScript;

/// <summary>Lowers one bound call: returns the result value (a <see cref="TensorValue"/>, a Python value or a tuple).</summary>
public delegate object? OpLowering(LoweringContext context, BoundCall call);

/// <summary>
/// The op table, keyed on (domain, op, since-version) as house rule 3 asks: <c>("aten", "add", 0)</c>. One lowering
/// handles all overloads of its op (it reads <see cref="BoundCall.Schema"/>); the since-version is the archive
/// file version from which the lowering applies (PyTorch's upgraders change semantics at versions 4, 5, 10), and
/// lookup takes the highest since-version at or below the archive's. Registering a key twice throws.
/// </summary>
public sealed class OpRegistry
{
    private readonly Dictionary<(string Domain, string Op), SortedList<long, OpLowering>> _table = [];

    public void Add(string domain, string op, long sinceVersion, OpLowering lowering)
    {
        if (!_table.TryGetValue((domain, op), out var versions)) _table[(domain, op)] = versions = [];
        if (versions.ContainsKey(sinceVersion))
            throw new InvalidOperationException($"lowering for {domain}::{op} since version {sinceVersion} is registered twice.");
        versions.Add(sinceVersion, lowering);
    }

    /// <summary>Registers the same lowering for several op names (<c>relu</c>, <c>relu_</c>).</summary>
    public void Add(string domain, IEnumerable<string> ops, OpLowering lowering)
    {
        foreach (var op in ops) Add(domain, op, 0, lowering);
    }

    public OpLowering? Find(string domain, string op, long fileVersion)
    {
        if (!_table.TryGetValue((domain, op), out var versions)) return null;
        OpLowering? found = null;
        foreach (var (since, lowering) in versions)
            if (since <= fileVersion || found is null) found = lowering;
        return found;
    }

    public bool Contains(string domain, string op) => _table.ContainsKey((domain, op));

    /// <summary>Every registered <c>domain::op</c>, sorted (for coverage tables).</summary>
    public IReadOnlyList<string> Names => _table.Keys.Select(k => $"{k.Domain}::{k.Op}").Order(StringComparer.Ordinal).ToArray();
}
