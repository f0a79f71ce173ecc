namespace ModelBuild.Core.Graph;

/// <summary>A static or symbolic shape. A null <see cref="TensorShape"/> on a value means the rank is unknown.</summary>
public sealed class TensorShape
{
    public TensorShape(IEnumerable<Dim> dims) => Dims = dims.ToArray();

    public IReadOnlyList<Dim> Dims { get; }
    public int Rank => Dims.Count;
    public bool IsStatic => Dims.All(d => d.IsFixed);

    public static TensorShape Of(params long[] dims) => new(dims.Select(Dim.Fixed));

    public override string ToString() => "[" + string.Join(",", Dims) + "]";
}
