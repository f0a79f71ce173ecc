namespace ModelBuild.Core.Graph;

/// <summary>One dimension of a shape: a fixed size, a named symbolic size (<c>batch</c>), or unknown.</summary>
public readonly record struct Dim
{
    private Dim(long? value, string? symbol)
    {
        Value = value;
        Symbol = symbol;
    }

    public long? Value { get; }
    public string? Symbol { get; }

    public bool IsFixed => Value.HasValue;
    public bool IsSymbolic => Symbol is not null;

    public static Dim Fixed(long value) => new(value, null);
    public static Dim Named(string symbol) => new(null, symbol);
    public static Dim Unknown => new(null, null);

    public override string ToString() => Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Symbol ?? "?";
}
