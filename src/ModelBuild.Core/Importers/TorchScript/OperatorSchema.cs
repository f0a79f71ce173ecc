namespace ModelBuild.Core.Importers.TorchScript;

/// <summary>
/// A PyTorch operator schema, e.g. <c>aten::add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -&gt; Tensor</c>:
/// namespace and name, overload name ("" for the default overload), arguments in order (keyword-only ones flagged),
/// and returns. Parsed by <see cref="OperatorSchemaParser"/>.
/// </summary>
public sealed record OperatorSchema(string Namespace, string Name, string Overload, IReadOnlyList<SchemaArgument> Arguments, IReadOnlyList<SchemaArgument> Returns, bool IsVarRet = false)
{
    /// <summary><c>aten::add</c>: the name the serialized code's <c>torch.add</c> refers to.</summary>
    public string QualifiedName => $"{Namespace}::{Name}";

    /// <summary><c>aten::add.Tensor</c>, or <c>aten::relu</c> for a default overload.</summary>
    public string FullName => Overload.Length == 0 ? QualifiedName : $"{QualifiedName}.{Overload}";

    /// <summary>Whether any argument is written to in place (out= overloads, <c>relu_</c>).</summary>
    public bool HasMutableArguments => Arguments.Any(a => a.Type.IsMutable);

    public override string ToString()
    {
        var parts = new List<string>();
        bool star = false;
        foreach (var a in Arguments)
        {
            if (a.IsKeywordOnly && !star) { parts.Add("*"); star = true; }
            parts.Add(a.ToString());
        }
        var returns = Returns.Count == 1 && Returns[0].Name.Length == 0 && !IsVarRet
            ? Returns[0].ToString()
            : "(" + string.Join(", ", Returns.Select(r => r.ToString())) + (IsVarRet ? (Returns.Count > 0 ? ", ..." : "...") : "") + ")";
        return $"{FullName}({string.Join(", ", parts)}) -> {returns}";
    }
}
