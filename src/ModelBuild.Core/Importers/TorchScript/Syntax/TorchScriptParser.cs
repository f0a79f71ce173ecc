namespace ModelBuild.Core.Importers.TorchScript.Syntax;

/// <summary>
/// Recursive-descent parser for the Python subset <c>torch.jit.save</c> writes (PythonPrint): classes with
/// <c>__parameters__</c>/<c>__buffers__</c>, typed attribute declarations and methods; free functions; statements
/// (assignments with tuple targets, <c>if</c>/<c>else</c>, <c>for</c>, <c>while</c>, <c>return</c>, <c>pass</c>,
/// <c>raise</c>, <c>assert</c>, <c>break</c>/<c>continue</c>) and Python expressions with their precedence.
/// <c>op_version_set = N</c> and <c>import</c> lines of older files are skipped. Errors are MBLD2010 with file and line.
/// </summary>
public sealed class TorchScriptParser
{
    private readonly List<Token> _tokens;
    private readonly string _path;
    private readonly string? _archive;
    private int _pos;

    private TorchScriptParser(List<Token> tokens, string path, string? archive)
    {
        _tokens = tokens;
        _path = path;
        _archive = archive;
    }

    /// <summary>Parses one code file. <paramref name="codePath"/> is its path from <c>code/</c> on (<c>code/__torch__/a/b.py</c>).</summary>
    public static CodeFile ParseFile(string source, string codePath, string? archive = null)
    {
        var parser = new TorchScriptParser(TorchScriptLexer.Tokenize(source, codePath, archive), codePath, archive);
        return parser.File(QualifierOf(codePath));
    }

    /// <summary>Parses a single expression (tests, and type strings such as <c>List[int]</c>).</summary>
    public static Expr ParseExpression(string source, string codePath = "<expr>")
    {
        var parser = new TorchScriptParser(TorchScriptLexer.Tokenize(source, codePath), codePath, null);
        var e = parser.TupleOrExpression();
        parser.SkipNewlines();
        parser.Expect(TokenKind.End);
        return e;
    }

    /// <summary><c>code/__torch__/torch/nn/modules/linear.py</c> → <c>__torch__.torch.nn.modules.linear</c>.</summary>
    public static string QualifierOf(string codePath)
    {
        var p = codePath.Replace('\\', '/');
        int code = p.IndexOf(TorchScriptLayout.CodeFolder, StringComparison.Ordinal);
        if (code >= 0) p = p[(code + TorchScriptLayout.CodeFolder.Length)..];
        if (p.EndsWith(".py", StringComparison.Ordinal)) p = p[..^3];
        return p.Replace('/', '.');
    }

    private Token Current => _tokens[_pos];
    private int Line => Current.Line;

    private CodeFile File(string qualifier)
    {
        var classes = new List<ClassDef>();
        var functions = new List<FunctionDef>();
        SkipNewlines();
        while (Current.Kind != TokenKind.End)
        {
            if (Current.Is("class")) classes.Add(Class(qualifier));
            else if (Current.Is("def")) functions.Add(Function());
            else if (Current.Is("import") || Current.Is("from")) SkipLine();
            else if (Current.Kind == TokenKind.Name && Current.Text == "op_version_set") SkipLine();
            else throw Error($"expected 'class' or 'def' at top level, found {Current}");
            SkipNewlines();
        }
        return new CodeFile(_path, qualifier, classes, functions);
    }

    private ClassDef Class(string qualifier)
    {
        int line = Line;
        ExpectName("class");
        var name = Name();
        var bases = new List<string>();
        if (Accept("("))
        {
            while (!Current.Is(")"))
            {
                bases.Add(DottedName());
                if (!Accept(",")) break;
            }
            Expect(")");
        }
        Expect(":");
        var parameters = new List<string>();
        var buffers = new List<string>();
        var attributes = new List<AttributeDecl>();
        var methods = new List<FunctionDef>();
        Expect(TokenKind.Newline);
        Expect(TokenKind.Indent);
        while (!Accept(TokenKind.Dedent))
        {
            if (Current.Is("def")) { methods.Add(Function()); continue; }
            if (Current.Is("pass")) { Advance(); Expect(TokenKind.Newline); continue; }
            int declLine = Line;
            if (Current.Is("__annotations__"))
            {
                Advance();
                Expect("[");
                var key = Expect(TokenKind.String).Text;
                Expect("]");
                Expect("=");
                attributes.Add(new AttributeDecl(declLine, key, Expression(), null));
                Expect(TokenKind.Newline);
                continue;
            }
            var attr = Name();
            if (Accept("="))
            {
                var value = Expression();
                if (attr is "__parameters__" or "__buffers__")
                {
                    if (value is not ListExpr list || list.Items.Any(i => i is not ConstantExpr { Value: string }))
                        throw Error($"{attr} must be a list of strings", declLine);
                    (attr == "__parameters__" ? parameters : buffers).AddRange(list.Items.Select(i => (string)((ConstantExpr)i).Value!));
                }
                // Other class-level assignments (__forward_hooks__ …) carry nothing the conversion needs.
                Expect(TokenKind.Newline);
                continue;
            }
            Expect(":");
            var type = Expression();
            Expr? init = Accept("=") ? Expression() : null;
            attributes.Add(new AttributeDecl(declLine, attr, type, init));
            Expect(TokenKind.Newline);
        }
        return new ClassDef(line, name, qualifier + "." + name, bases, parameters, buffers, attributes, methods);
    }

    private FunctionDef Function()
    {
        int line = Line;
        ExpectName("def");
        var name = Name();
        Expect("(");
        var parameters = new List<Parameter>();
        while (!Current.Is(")"))
        {
            var pname = Name();
            Expr? type = Accept(":") ? Expression() : null;
            Expr? dflt = Accept("=") ? Expression() : null;
            parameters.Add(new Parameter(pname, type, dflt));
            if (!Accept(",")) break;
        }
        Expect(")");
        Expr? returns = Accept("->") ? Expression() : null;
        Expect(":");
        return new FunctionDef(line, name, parameters, returns, Block());
    }

    private List<Stmt> Block()
    {
        if (Current.Kind != TokenKind.Newline)
        {
            // `if x: return y` on one line.
            var single = SimpleStatement();
            return [single];
        }
        Expect(TokenKind.Newline);
        Expect(TokenKind.Indent);
        var body = new List<Stmt>();
        while (!Accept(TokenKind.Dedent)) body.Add(Statement());
        return body;
    }

    private Stmt Statement()
    {
        int line = Line;
        if (Current.Is("if")) return If();
        if (Current.Is("for"))
        {
            Advance();
            var target = TargetList();
            ExpectName("in");
            var iterable = TupleOrExpression();
            Expect(":");
            return new ForStmt(line, target, iterable, Block());
        }
        if (Current.Is("while"))
        {
            Advance();
            var cond = Expression();
            Expect(":");
            return new WhileStmt(line, cond, Block());
        }
        if (Current.Is("with")) throw Error("'with' blocks are not supported");
        return SimpleStatement();
    }

    private Stmt If()
    {
        int line = Line;
        Advance(); // if / elif
        var cond = Expression();
        Expect(":");
        var then = Block();
        IReadOnlyList<Stmt> otherwise = [];
        if (Current.Is("elif")) otherwise = [If()];
        else if (Current.Is("else"))
        {
            Advance();
            Expect(":");
            otherwise = Block();
        }
        return new IfStmt(line, cond, then, otherwise);
    }

    private Stmt SimpleStatement()
    {
        int line = Line;
        Stmt stmt;
        if (Accept("pass")) stmt = new PassStmt(line);
        else if (Accept("break")) stmt = new BreakStmt(line);
        else if (Accept("continue")) stmt = new ContinueStmt(line);
        else if (Accept("return")) stmt = new ReturnStmt(line, Current.Kind == TokenKind.Newline ? null : TupleOrExpression());
        else if (Accept("raise")) stmt = new RaiseStmt(line, Current.Kind == TokenKind.Newline ? null : Expression());
        else if (Accept("assert"))
        {
            var cond = Expression();
            stmt = new AssertStmt(line, cond, Accept(",") ? Expression() : null);
        }
        else
        {
            var first = TupleOrExpression();
            if (Accept("="))
            {
                var value = TupleOrExpression();
                // a = b = c is not printed by PythonPrint; one target is enough.
                stmt = new AssignStmt(line, first, value);
            }
            else if (Current.Is(":") && first is NameExpr)
            {
                Advance();
                var type = Expression();
                Expect("=");
                stmt = new AssignStmt(line, first, TupleOrExpression(), type);
            }
            else if (Current.Kind == TokenKind.Op && Current.Text.Length >= 2 && Current.Text.EndsWith('=') && Current.Text is not ("==" or "!=" or "<=" or ">="))
            {
                var op = Current.Text[..^1];
                Advance();
                stmt = new AugAssignStmt(line, first, op, TupleOrExpression());
            }
            else stmt = new ExprStmt(line, first);
        }
        Accept(";");
        Expect(TokenKind.Newline);
        return stmt;
    }

    /// <summary>Loop targets and assignment targets: <c>a</c>, <c>a, b</c>, <c>a, b,</c>.</summary>
    private Expr TargetList() => TupleOrExpression(stopAtIn: true);

    /// <summary>An expression or a bare tuple <c>a, b,</c> (a trailing comma makes a one-element tuple).</summary>
    private Expr TupleOrExpression(bool stopAtIn = false)
    {
        int line = Line;
        var first = stopAtIn ? Or(noIn: true) : Expression();
        if (!Current.Is(",")) return first;
        var items = new List<Expr> { first };
        while (Accept(","))
        {
            if (EndsTuple()) break;
            items.Add(stopAtIn ? Or(noIn: true) : Expression());
        }
        return new TupleExpr(line, items);
    }

    private bool EndsTuple() =>
        Current.Kind is TokenKind.Newline or TokenKind.End || Current.Is("=") || Current.Is(")") || Current.Is("]") || Current.Is("}") || Current.Is(":") || Current.Is("in");

    private Expr Expression()
    {
        int line = Line;
        var e = Or();
        if (Current.Is("if"))
        {
            Advance();
            var cond = Or();
            ExpectName("else");
            return new ConditionalExpr(line, cond, e, Expression());
        }
        return e;
    }

    private Expr Or(bool noIn = false)
    {
        var e = And(noIn);
        while (Current.Is("or")) { int line = Line; Advance(); e = new BinaryExpr(line, "or", e, And(noIn)); }
        return e;
    }

    private Expr And(bool noIn)
    {
        var e = Not(noIn);
        while (Current.Is("and")) { int line = Line; Advance(); e = new BinaryExpr(line, "and", e, Not(noIn)); }
        return e;
    }

    private Expr Not(bool noIn)
    {
        if (Current.Is("not")) { int line = Line; Advance(); return new UnaryExpr(line, "not", Not(noIn)); }
        return Comparison(noIn);
    }

    private Expr Comparison(bool noIn)
    {
        var e = BitOr();
        while (true)
        {
            int line = Line;
            string? op = null;
            if (Current.Kind == TokenKind.Op && Current.Text is "==" or "!=" or "<" or ">" or "<=" or ">=") { op = Current.Text; Advance(); }
            else if (Current.Is("is")) { Advance(); op = Accept("not") ? "is not" : "is"; }
            else if (!noIn && Current.Is("in")) { Advance(); op = "in"; }
            else if (Current.Is("not") && Peek(1).Is("in")) { Advance(); Advance(); op = "not in"; }
            if (op is null) return e;
            e = new BinaryExpr(line, op, e, BitOr());
        }
    }

    private Expr BitOr() => LeftAssoc(BitXor, "|");
    private Expr BitXor() => LeftAssoc(BitAnd, "^");
    private Expr BitAnd() => LeftAssoc(Shift, "&");
    private Expr Shift() => LeftAssoc(Sum, "<<", ">>");
    private Expr Sum() => LeftAssoc(Term, "+", "-");
    private Expr Term() => LeftAssoc(Unary, "*", "/", "//", "%", "@");

    private Expr LeftAssoc(Func<Expr> next, params string[] ops)
    {
        var e = next();
        while (Current.Kind == TokenKind.Op && ops.Contains(Current.Text))
        {
            int line = Line;
            var op = Current.Text;
            Advance();
            e = new BinaryExpr(line, op, e, next());
        }
        return e;
    }

    private Expr Unary()
    {
        if (Current.Kind == TokenKind.Op && Current.Text is "-" or "+" or "~")
        {
            int line = Line;
            var op = Current.Text;
            Advance();
            var operand = Unary();
            // Fold negative literals so defaults such as -1 stay constants.
            if (op == "-" && operand is ConstantExpr { Value: long l }) return new ConstantExpr(line, l == long.MinValue ? long.MinValue : -l);
            if (op == "-" && operand is ConstantExpr { Value: double d }) return new ConstantExpr(line, -d);
            return new UnaryExpr(line, op, operand);
        }
        return Power();
    }

    private Expr Power()
    {
        var e = Postfix();
        if (Current.Is("**")) { int line = Line; Advance(); return new BinaryExpr(line, "**", e, Unary()); }
        return e;
    }

    private Expr Postfix()
    {
        var e = Atom();
        while (true)
        {
            int line = Line;
            if (Accept("."))
            {
                e = new AttributeExpr(line, e, Name());
            }
            else if (Accept("("))
            {
                var args = new List<Expr>();
                var keywords = new List<KeywordArgument>();
                while (!Current.Is(")"))
                {
                    if (Current.Kind == TokenKind.Name && Peek(1).Is("="))
                    {
                        var key = Name();
                        Expect("=");
                        keywords.Add(new KeywordArgument(key, Expression()));
                    }
                    else
                    {
                        if (keywords.Count > 0) throw Error("positional argument after keyword argument");
                        args.Add(Expression());
                    }
                    if (!Accept(",")) break;
                }
                Expect(")");
                e = new CallExpr(line, e, args, keywords);
            }
            else if (Accept("["))
            {
                var items = new List<Expr> { SubscriptItem() };
                bool tuple = false;
                while (Accept(","))
                {
                    tuple = true;
                    if (Current.Is("]")) break;
                    items.Add(SubscriptItem());
                }
                Expect("]");
                e = new SubscriptExpr(line, e, tuple ? new TupleExpr(line, items) : items[0]);
            }
            else return e;
        }
    }

    private Expr SubscriptItem()
    {
        int line = Line;
        Expr? start = Current.Is(":") ? null : Expression();
        if (!Current.Is(":")) return start!;
        Advance();
        Expr? stop = Current.Is(":") || Current.Is("]") || Current.Is(",") ? null : Expression();
        Expr? step = null;
        if (Accept(":") && !Current.Is("]") && !Current.Is(",")) step = Expression();
        return new SliceExpr(line, start, stop, step);
    }

    private Expr Atom()
    {
        var t = Current;
        switch (t.Kind)
        {
            case TokenKind.Int:
            case TokenKind.Float:
                Advance();
                return new ConstantExpr(t.Line, t.Value);
            case TokenKind.String:
                Advance();
                var text = (string)t.Value!;
                while (Current.Kind == TokenKind.String) { text += (string)Current.Value!; Advance(); } // "a" "b"
                return new ConstantExpr(t.Line, text);
            case TokenKind.Name:
                Advance();
                return t.Text switch
                {
                    "None" => new ConstantExpr(t.Line, null),
                    "True" => new ConstantExpr(t.Line, true),
                    "False" => new ConstantExpr(t.Line, false),
                    _ => new NameExpr(t.Line, t.Text),
                };
        }
        if (Accept("("))
        {
            if (Accept(")")) return new TupleExpr(t.Line, []);
            var first = Expression();
            if (Accept(")")) return first;
            var items = new List<Expr> { first };
            while (Accept(","))
            {
                if (Current.Is(")")) break;
                items.Add(Expression());
            }
            Expect(")");
            return new TupleExpr(t.Line, items);
        }
        if (Accept("["))
        {
            var items = new List<Expr>();
            while (!Current.Is("]"))
            {
                items.Add(Expression());
                if (!Accept(",")) break;
            }
            Expect("]");
            return new ListExpr(t.Line, items);
        }
        if (Accept("{"))
        {
            var keys = new List<Expr>();
            var values = new List<Expr>();
            while (!Current.Is("}"))
            {
                keys.Add(Expression());
                Expect(":");
                values.Add(Expression());
                if (!Accept(",")) break;
            }
            Expect("}");
            return new DictExpr(t.Line, keys, values);
        }
        throw Error($"expected an expression, found {t}");
    }

    private string DottedName()
    {
        var name = Name();
        while (Accept(".")) name += "." + Name();
        return name;
    }

    private string Name()
    {
        if (Current.Kind != TokenKind.Name) throw Error($"expected a name, found {Current}");
        var text = Current.Text;
        Advance();
        return text;
    }

    private void ExpectName(string keyword)
    {
        if (!Current.Is(keyword)) throw Error($"expected '{keyword}', found {Current}");
        Advance();
    }

    private bool Accept(string op)
    {
        if (!Current.Is(op) || Current.Kind == TokenKind.String) return false;
        Advance();
        return true;
    }

    private bool Accept(TokenKind kind)
    {
        if (Current.Kind != kind) return false;
        Advance();
        return true;
    }

    private void Expect(string op)
    {
        if (!Accept(op)) throw Error($"expected '{op}', found {Current}");
    }

    private Token Expect(TokenKind kind)
    {
        var t = Current;
        if (t.Kind != kind) throw Error($"expected {new Token(kind, kind.ToString(), 0)}, found {t}");
        Advance();
        return t;
    }

    private Token Peek(int k) => _tokens[Math.Min(_pos + k, _tokens.Count - 1)];

    private void Advance()
    {
        if (_pos < _tokens.Count - 1) _pos++;
    }

    private void SkipNewlines()
    {
        while (Current.Kind == TokenKind.Newline) Advance();
    }

    private void SkipLine()
    {
        while (Current.Kind is not (TokenKind.Newline or TokenKind.End)) Advance();
        SkipNewlines();
    }

    private Exception Error(string message, int? line = null) =>
        TorchScriptThrowHelper.Syntax(_archive, _path, line ?? Line, message + ".");
}
