namespace ModelBuild.Core.Importers.TorchScript.Syntax;

/// <summary>
/// Expressions of serialized TorchScript. Type annotations (<c>List[int]</c>, <c>Optional[Tensor]</c>) are
/// expressions too, as in Python: a <see cref="SubscriptExpr"/> of a <see cref="NameExpr"/>.
/// </summary>
public abstract record Expr(int Line);

/// <summary><c>x</c>, <c>torch</c>, <c>CONSTANTS</c>.</summary>
public sealed record NameExpr(int Line, string Name) : Expr(Line);

/// <summary>A literal: long, double, bool, string or null (<c>None</c>).</summary>
public sealed record ConstantExpr(int Line, object? Value) : Expr(Line);

/// <summary><c>target.name</c>.</summary>
public sealed record AttributeExpr(int Line, Expr Target, string Name) : Expr(Line);

/// <summary><c>f(a, b, key=value)</c>.</summary>
public sealed record CallExpr(int Line, Expr Function, IReadOnlyList<Expr> Arguments, IReadOnlyList<KeywordArgument> Keywords) : Expr(Line);

/// <summary>A <c>name=value</c> argument of a call.</summary>
public sealed record KeywordArgument(string Name, Expr Value);

/// <summary><c>target[index]</c>; a multi-index <c>x[a, b]</c> has a <see cref="TupleExpr"/> index.</summary>
public sealed record SubscriptExpr(int Line, Expr Target, Expr Index) : Expr(Line);

/// <summary><c>start:stop:step</c> inside a subscript; each part may be absent.</summary>
public sealed record SliceExpr(int Line, Expr? Start, Expr? Stop, Expr? Step) : Expr(Line);

/// <summary><c>(a, b)</c> or a bare <c>a, b</c>.</summary>
public sealed record TupleExpr(int Line, IReadOnlyList<Expr> Items) : Expr(Line);

/// <summary><c>[a, b]</c>.</summary>
public sealed record ListExpr(int Line, IReadOnlyList<Expr> Items) : Expr(Line);

/// <summary><c>{k: v, …}</c>.</summary>
public sealed record DictExpr(int Line, IReadOnlyList<Expr> Keys, IReadOnlyList<Expr> Values) : Expr(Line);

/// <summary>Binary arithmetic, comparison (<c>==</c>, <c>is</c>, <c>in</c>, <c>is not</c>, <c>not in</c>) and boolean (<c>and</c>, <c>or</c>) operators.</summary>
public sealed record BinaryExpr(int Line, string Operator, Expr Left, Expr Right) : Expr(Line);

/// <summary><c>-x</c>, <c>+x</c>, <c>~x</c>, <c>not x</c>.</summary>
public sealed record UnaryExpr(int Line, string Operator, Expr Operand) : Expr(Line);

/// <summary><c>a if condition else b</c>.</summary>
public sealed record ConditionalExpr(int Line, Expr Condition, Expr Then, Expr Else) : Expr(Line);
