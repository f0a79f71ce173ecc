namespace ModelBuild.Core.Importers.TorchScript.Syntax;

/// <summary>Statements of serialized TorchScript. The printer never emits <c>elif</c>; the parser turns one into a nested if.</summary>
public abstract record Stmt(int Line);

/// <summary><c>a = e</c>, <c>a, b, = e</c>, <c>_7, y1, i = e1, e2, e3</c> (the target is then a <see cref="TupleExpr"/>); an annotated <c>a : T = e</c> keeps its type.</summary>
public sealed record AssignStmt(int Line, Expr Target, Expr Value, Expr? Annotation = null) : Stmt(Line);

/// <summary><c>x += e</c> and the other augmented assignments; <see cref="Operator"/> is the binary operator (<c>+</c>).</summary>
public sealed record AugAssignStmt(int Line, Expr Target, string Operator, Expr Value) : Stmt(Line);

/// <summary>A bare expression, usually a call such as <c>ops.prim.RaiseException(…)</c>.</summary>
public sealed record ExprStmt(int Line, Expr Value) : Stmt(Line);

public sealed record ReturnStmt(int Line, Expr? Value) : Stmt(Line);

public sealed record IfStmt(int Line, Expr Condition, IReadOnlyList<Stmt> Then, IReadOnlyList<Stmt> Else) : Stmt(Line);

/// <summary><c>for target in iterable:</c> (the printer only emits <c>range(n)</c> loops).</summary>
public sealed record ForStmt(int Line, Expr Target, Expr Iterable, IReadOnlyList<Stmt> Body) : Stmt(Line);

public sealed record WhileStmt(int Line, Expr Condition, IReadOnlyList<Stmt> Body) : Stmt(Line);

public sealed record PassStmt(int Line) : Stmt(Line);

public sealed record BreakStmt(int Line) : Stmt(Line);

public sealed record ContinueStmt(int Line) : Stmt(Line);

public sealed record RaiseStmt(int Line, Expr? Value) : Stmt(Line);

public sealed record AssertStmt(int Line, Expr Condition, Expr? Message) : Stmt(Line);
