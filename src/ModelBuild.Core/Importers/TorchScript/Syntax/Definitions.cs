namespace ModelBuild.Core.Importers.TorchScript.Syntax;

/// <summary>One parameter of a <c>def</c>: <c>x: Tensor</c>, <c>flag: bool=True</c>; the type of <c>self</c> may be absent.</summary>
public sealed record Parameter(string Name, Expr? Type, Expr? Default);

/// <summary>A method or free function: <c>def forward(self: __torch__.X, x: Tensor) -&gt; Tensor:</c>.</summary>
public sealed record FunctionDef(int Line, string Name, IReadOnlyList<Parameter> Parameters, Expr? ReturnType, IReadOnlyList<Stmt> Body);

/// <summary>
/// A class attribute declaration: <c>weight : Tensor</c>, <c>scale : Final[int] = 2</c> (a class constant, with
/// <see cref="Value"/>), or <c>__annotations__["0"] = T</c> (a non-identifier name).
/// </summary>
public sealed record AttributeDecl(int Line, string Name, Expr Type, Expr? Value)
{
    /// <summary><c>Final[T] = value</c>: a constant the code reads but <c>data.pkl</c> does not hold.</summary>
    public bool IsFinal => Type is SubscriptExpr { Target: NameExpr { Name: "Final" } };
}

/// <summary>
/// <c>class X(Module):</c> with its <c>__parameters__</c> and <c>__buffers__</c> lists, attribute declarations and
/// methods. <see cref="QualifiedName"/> joins the file's qualifier (<c>__torch__.torch.nn.modules.linear</c>) and the name.
/// </summary>
public sealed record ClassDef(int Line, string Name, string QualifiedName, IReadOnlyList<string> Bases,
    IReadOnlyList<string> ParameterNames, IReadOnlyList<string> BufferNames,
    IReadOnlyList<AttributeDecl> Attributes, IReadOnlyList<FunctionDef> Methods)
{
    public bool IsModule => Bases.Contains("Module");

    public FunctionDef? Method(string name) => Methods.FirstOrDefault(m => m.Name == name);

    public AttributeDecl? Attribute(string name) => Attributes.FirstOrDefault(a => a.Name == name);
}

/// <summary>
/// One parsed <c>code/**.py</c> file: its archive path (for diagnostics), the qualifier its path gives
/// (<c>code/__torch__/a/b.py</c> → <c>__torch__.a.b</c>), classes and free functions.
/// </summary>
public sealed record CodeFile(string Path, string Qualifier, IReadOnlyList<ClassDef> Classes, IReadOnlyList<FunctionDef> Functions);
