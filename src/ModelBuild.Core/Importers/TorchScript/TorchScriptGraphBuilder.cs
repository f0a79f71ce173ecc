using System.Globalization;
using System.Runtime.InteropServices;
using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Importers.TorchScript.Syntax;
using ModelBuild.Core.Tensors;
using GraphModel = ModelBuild.Core.Graph.Graph;

namespace ModelBuild.Core.Importers.TorchScript;

/// <summary>
/// Converts a <see cref="TorchScriptModule"/> to the hub graph by interpreting its serialized code at conversion
/// time, the way <c>torch.jit.load</c> + inlining + constant propagation would: submodule <c>forward</c> calls and
/// free functions are inlined; ints, floats, bools, lists, tuples and shape queries are evaluated (static dims);
/// <c>if</c>/<c>for</c>/<c>while</c> run when their conditions are known; each <c>torch.&lt;op&gt;(…)</c> is bound to
/// its schema overload (dropped defaults filled) and then either evaluated (Python-level int/list/bool ops) or
/// lowered to ONNX by the op table. Tensors never reach a branch condition: a data-dependent branch is MBLD2013.
/// </summary>
public sealed class TorchScriptGraphBuilder
{
    private readonly TorchScriptModule _module;
    private readonly TorchScriptImportOptions _options;
    private readonly OpRegistry _ops;
    private readonly SchemaRegistry _schemas;
    private readonly GraphModel _graph = new() { Name = "torchscript" };
    private readonly LoweringContext _ctx;
    private readonly Dictionary<(TorchScriptObject, string), TensorValue> _weights = [];
    private readonly Dictionary<int, TensorValue> _constants = [];
    private int _depth;

    private TorchScriptGraphBuilder(TorchScriptModule module, TorchScriptImportOptions options)
    {
        _module = module;
        _options = options;
        _schemas = options.Schemas ?? SchemaRegistry.Default;
        if (options.Ops is null)
        {
            _ops = new OpRegistry();
            AtenOpTable.RegisterAll(_ops);
        }
        else _ops = options.Ops;
        _ctx = new LoweringContext(_graph);
    }

    private string? Archive => _module.ArchivePath;

    /// <summary>Converts <c>root.forward</c> (or <see cref="TorchScriptImportOptions.Method"/>).</summary>
    public static Model Build(TorchScriptModule module, TorchScriptImportOptions options)
    {
        var builder = new TorchScriptGraphBuilder(module, options);
        var cls = module.Program.Class(module.Root.TypeName, new SourceLocation("code/", 0));
        var method = cls.Method(options.Method) ?? throw TorchScriptThrowHelper.At(DiagnosticCode.TorchScriptUnresolved, module.ArchivePath,
            new SourceLocation("code/", cls.Line), $"class {cls.QualifiedName} has no method '{options.Method}'.");
        return builder.Run(method, new ModuleValue(module.Root, ""));
    }

    /// <summary>Converts a free function (<c>__torch__.fn</c>), e.g. a traced or scripted function's code.</summary>
    public static Model BuildFunction(TorchScriptModule module, string qualifiedName, TorchScriptImportOptions options)
    {
        var builder = new TorchScriptGraphBuilder(module, options);
        if (!module.Program.Functions.TryGetValue(qualifiedName, out var fn))
            throw TorchScriptThrowHelper.At(DiagnosticCode.TorchScriptUnresolved, module.ArchivePath, new SourceLocation("code/", 0), $"function {qualifiedName} is not defined.");
        return builder.Run(fn, null);
    }

    private Model Run(FunctionDef entry, ModuleValue? self)
    {
        var path = _module.Program.PathOf(entry);
        var parameters = entry.Parameters.Skip(self is null ? 0 : 1).ToList();
        var args = new List<object?>();
        int next = 0;
        var unused = _options.Inputs.ToList();
        foreach (var p in parameters)
        {
            var type = p.Type is null ? "Tensor" : TorchScriptObjectTree.TypeText(p.Type);
            if (type is "Tensor" or "Optional[Tensor]")
            {
                var input = unused.FirstOrDefault(i => i.Name == p.Name) ?? (next < _options.Inputs.Count && unused.Contains(_options.Inputs[next]) ? _options.Inputs[next] : null);
                next++;
                if (input is null)
                {
                    if (p.Default is not null) { args.Add(EvalConstant(p.Default, path)); continue; }
                    throw TorchScriptThrowHelper.At(DiagnosticCode.TorchScriptInputs, Archive, new SourceLocation(path, entry.Line), $"{entry.Name} takes tensor '{p.Name}', which the input signature does not name.");
                }
                unused.Remove(input);
                // The graph input takes the declared name (the reference data's), which is forward's unless matched by position.
                _graph.Inputs.Add(new ValueInfo(input.Name, input.ElementType, input.Shape));
                var shape = input.Shape?.Dims.Select(d => d.Value ?? -1).ToArray();
                args.Add(new TensorValue(input.Name, input.ElementType, shape));
            }
            else if (p.Default is not null) args.Add(EvalConstant(p.Default, path));
            else throw TorchScriptThrowHelper.At(DiagnosticCode.TorchScriptInputs, Archive, new SourceLocation(path, entry.Line), $"{entry.Name} takes '{p.Name}: {type}' without a default; only tensor arguments can be graph inputs.");
        }
        if (unused.Count > 0)
            throw TorchScriptThrowHelper.At(DiagnosticCode.TorchScriptInputs, Archive, new SourceLocation(path, entry.Line), $"the input signature names {string.Join(", ", unused.Select(u => u.Name))}, which {entry.Name} does not take.");

        var result = Invoke(entry, self, args, [], new SourceLocation(path, entry.Line));
        var outputs = result switch
        {
            TensorValue t => new[] { t },
            TupleValue tv when tv.Items.All(i => i is TensorValue) => tv.Items.Cast<TensorValue>().ToArray(),
            List<object?> l when l.All(i => i is TensorValue) => l.Cast<TensorValue>().ToArray(),
            _ => throw TorchScriptThrowHelper.At(DiagnosticCode.UnsupportedFeature, Archive, new SourceLocation(path, entry.Line), $"{entry.Name} returns {ScriptTypes.Describe(result)}; only tensors and tuples of tensors can be model outputs."),
        };
        for (int i = 0; i < outputs.Length; i++)
        {
            var name = outputs.Length == 1 ? "output" : $"output_{i}";
            _graph.Nodes.Add(new Node("Identity", [_ctx.In(outputs[i])], [name], name));
            var dims = outputs[i].Shape?.Select(d => d >= 0 ? Dim.Fixed(d) : Dim.Unknown);
            _graph.Outputs.Add(new ValueInfo(name, outputs[i].DataType, dims is null ? null : new TensorShape(dims)));
        }
        // A lowering that rearranges weights (an RNN's gate blocks) reads the module's initializers into new ones;
        // the originals nothing reads any more would only double the artifact.
        var read = _graph.Nodes.SelectMany(n => n.Inputs).ToHashSet(StringComparer.Ordinal);
        _graph.Initializers.RemoveAll(i => !read.Contains(i.Name));
        var model = new Model(_graph);
        model.OpsetImports[""] = TorchScriptLayout.OnnxOpset;
        return model;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Calls and statements
    // ---------------------------------------------------------------------------------------------------------

    private sealed class Frame(string path, ModuleValue? self)
    {
        public string Path { get; } = path;
        public ModuleValue? Self { get; } = self;
        public Dictionary<string, object?> Locals { get; } = new(StringComparer.Ordinal);
        public object? ReturnValue { get; set; }
    }

    private enum Flow { Next, Return, Break, Continue }

    private object? Invoke(FunctionDef fn, ModuleValue? self, IReadOnlyList<object?> args, IReadOnlyList<KeyValuePair<string, object?>> keywords, SourceLocation caller)
    {
        if (++_depth > TorchScriptLayout.MaxCallDepth)
            throw TorchScriptThrowHelper.At(DiagnosticCode.TorchScriptNotStatic, Archive, caller, $"calls nest deeper than {TorchScriptLayout.MaxCallDepth}; recursion cannot be inlined.");
        try
        {
            var frame = new Frame(_module.Program.PathOf(fn), self);
            var parameters = fn.Parameters.ToList();
            if (self is not null)
            {
                frame.Locals[parameters[0].Name] = self;
                parameters.RemoveAt(0);
            }
            if (args.Count > parameters.Count)
                throw TorchScriptThrowHelper.At(DiagnosticCode.TorchScriptNoOverload, Archive, caller, $"{fn.Name} takes {parameters.Count} arguments but is called with {args.Count}.");
            for (int i = 0; i < parameters.Count; i++)
            {
                var p = parameters[i];
                var kw = keywords.FirstOrDefault(k => k.Key == p.Name);
                if (i < args.Count) frame.Locals[p.Name] = args[i];
                else if (kw.Key is not null) frame.Locals[p.Name] = kw.Value;
                else if (p.Default is not null) frame.Locals[p.Name] = EvalConstant(p.Default, frame.Path);
                else throw TorchScriptThrowHelper.At(DiagnosticCode.TorchScriptNoOverload, Archive, caller, $"{fn.Name} is called without its argument '{p.Name}'.");
            }
            Exec(fn.Body, frame);
            return frame.ReturnValue;
        }
        finally
        {
            _depth--;
        }
    }

    private Flow Exec(IReadOnlyList<Stmt> body, Frame frame)
    {
        foreach (var stmt in body)
        {
            var flow = Exec(stmt, frame);
            if (flow != Flow.Next) return flow;
        }
        return Flow.Next;
    }

    private Flow Exec(Stmt stmt, Frame frame)
    {
        switch (stmt)
        {
            case AssignStmt a:
                Assign(a.Target, Eval(a.Value, frame), frame, a.Line);
                return Flow.Next;
            case AugAssignStmt a:
                Assign(a.Target, Binary(a.Operator, Eval(a.Target, frame), Eval(a.Value, frame), frame, a.Line), frame, a.Line);
                return Flow.Next;
            case ExprStmt e:
                Eval(e.Value, frame);
                return Flow.Next;
            case ReturnStmt r:
                frame.ReturnValue = r.Value is null ? null : Eval(r.Value, frame);
                return Flow.Return;
            case IfStmt i:
                return Exec(Truth(Eval(i.Condition, frame), frame, i.Line, "an if condition") ? i.Then : i.Else, frame);
            case ForStmt f:
                foreach (var item in Iterate(f.Iterable, frame))
                {
                    Assign(f.Target, item, frame, f.Line);
                    var flow = Exec(f.Body, frame);
                    if (flow == Flow.Return) return flow;
                    if (flow == Flow.Break) break;
                }
                return Flow.Next;
            case WhileStmt w:
                for (int n = 0; Truth(Eval(w.Condition, frame), frame, w.Line, "a while condition"); n++)
                {
                    if (n >= TorchScriptLayout.MaxLoopIterations)
                        throw At(DiagnosticCode.TorchScriptNotStatic, frame, w.Line, $"a while loop ran {TorchScriptLayout.MaxLoopIterations} times at conversion time without ending.");
                    var flow = Exec(w.Body, frame);
                    if (flow == Flow.Return) return flow;
                    if (flow == Flow.Break) break;
                }
                return Flow.Next;
            case PassStmt:
                return Flow.Next;
            case BreakStmt:
                return Flow.Break;
            case ContinueStmt:
                return Flow.Continue;
            case RaiseStmt r:
                throw At(DiagnosticCode.TorchScriptRaises, frame, r.Line, $"the model raises {(r.Value is null ? "an exception" : ScriptTypes.Describe(Eval(r.Value, frame)))}.");
            case AssertStmt a:
                if (!Truth(Eval(a.Condition, frame), frame, a.Line, "an assert"))
                    throw At(DiagnosticCode.TorchScriptRaises, frame, a.Line, $"an assert fails: {(a.Message is null ? "" : Eval(a.Message, frame))}");
                return Flow.Next;
            default:
                throw At(DiagnosticCode.TorchScriptSyntax, frame, stmt.Line, $"statement {stmt.GetType().Name} is not supported.");
        }
    }

    private IEnumerable<object?> Iterate(Expr iterable, Frame frame)
    {
        if (iterable is CallExpr { Function: NameExpr { Name: "range" } } call)
        {
            var bounds = call.Arguments.Select(a => Eval(a, frame)).Select(v => v as long? ?? throw At(DiagnosticCode.TorchScriptNotStatic, frame, call.Line, $"a range bound is {ScriptTypes.Describe(v)}, not an int known at conversion time.")).ToArray();
            long start = bounds.Length > 1 ? bounds[0] : 0, stop = bounds.Length > 1 ? bounds[1] : bounds[0], step = bounds.Length > 2 ? bounds[2] : 1;
            if (step == 0) throw At(DiagnosticCode.TorchScriptRaises, frame, call.Line, "range() step is zero.");
            var items = new List<object?>();
            for (long i = start; step > 0 ? i < stop : i > stop; i += step)
            {
                items.Add(i);
                if (items.Count > TorchScriptLayout.MaxLoopIterations) throw At(DiagnosticCode.TorchScriptNotStatic, frame, call.Line, "a for loop is too long to unroll.");
            }
            return items;
        }
        return Eval(iterable, frame) switch
        {
            List<object?> l => l.ToList(),
            TupleValue t => t.Items,
            var v => throw At(DiagnosticCode.TorchScriptNotStatic, frame, iterable.Line, $"cannot iterate over {ScriptTypes.Describe(v)} at conversion time."),
        };
    }

    private void Assign(Expr target, object? value, Frame frame, int line)
    {
        switch (target)
        {
            case NameExpr n:
                frame.Locals[n.Name] = value;
                return;
            case TupleExpr or ListExpr:
                var targets = target is TupleExpr t ? t.Items : ((ListExpr)target).Items;
                var items = value switch
                {
                    TupleValue tv => tv.Items,
                    List<object?> l => l.ToArray(),
                    _ => throw At(DiagnosticCode.TorchScriptNotStatic, frame, line, $"cannot unpack {ScriptTypes.Describe(value)} into {targets.Count} names."),
                };
                if (items.Length != targets.Count) throw At(DiagnosticCode.TorchScriptRaises, frame, line, $"cannot unpack {items.Length} values into {targets.Count} names.");
                for (int i = 0; i < items.Length; i++) Assign(targets[i], items[i], frame, line);
                return;
            case SubscriptExpr s when Eval(s.Target, frame) is List<object?> list && Eval(s.Index, frame) is long index:
                list[(int)(index < 0 ? index + list.Count : index)] = value;
                return;
            default:
                throw At(DiagnosticCode.TorchScriptSyntax, frame, line, "unsupported assignment target.");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Expressions
    // ---------------------------------------------------------------------------------------------------------

    private object? EvalConstant(Expr e, string path) => Eval(e, new Frame(path, null));

    private object? Eval(Expr e, Frame frame)
    {
        switch (e)
        {
            case ConstantExpr c:
                return c.Value;
            case NameExpr n:
                if (frame.Locals.TryGetValue(n.Name, out var local)) return local;
                return n.Name switch
                {
                    "torch" or "ops" or "__torch__" or "CONSTANTS" or "math" => new NamespaceValue(n.Name),
                    "inf" => double.PositiveInfinity,
                    "nan" => double.NaN,
                    "self" when frame.Self is not null => frame.Self,
                    _ => throw At(DiagnosticCode.TorchScriptUnresolved, frame, n.Line, $"name '{n.Name}' is not defined."),
                };
            case AttributeExpr a:
                return Attribute(Eval(a.Target, frame), a.Name, frame, a.Line);
            case CallExpr call:
                return Call(call, frame);
            case TupleExpr t:
                return new TupleValue(t.Items.Select(i => Eval(i, frame)).ToArray());
            case ListExpr l:
                return l.Items.Select(i => Eval(i, frame)).ToList();
            case DictExpr d:
                var dict = new Dictionary<object, object?>();
                for (int i = 0; i < d.Keys.Count; i++) dict[Eval(d.Keys[i], frame) ?? "None"] = Eval(d.Values[i], frame);
                return dict;
            case SubscriptExpr s:
                return Subscript(Eval(s.Target, frame), s.Index, frame, s.Line);
            case UnaryExpr u:
                return Unary(u.Operator, Eval(u.Operand, frame), frame, u.Line);
            case BinaryExpr { Operator: "and" } b:
                return Truth(Eval(b.Left, frame), frame, b.Line, "'and'") ? Eval(b.Right, frame) : false;
            case BinaryExpr { Operator: "or" } b:
                var left = Eval(b.Left, frame);
                return Truth(left, frame, b.Line, "'or'") ? left : Eval(b.Right, frame);
            case BinaryExpr b:
                return Binary(b.Operator, Eval(b.Left, frame), Eval(b.Right, frame), frame, b.Line);
            case ConditionalExpr c:
                return Truth(Eval(c.Condition, frame), frame, c.Line, "a conditional expression") ? Eval(c.Then, frame) : Eval(c.Else, frame);
            default:
                throw At(DiagnosticCode.TorchScriptSyntax, frame, e.Line, $"expression {e.GetType().Name} is not supported here.");
        }
    }

    private object? Attribute(object? target, string name, Frame frame, int line)
    {
        switch (target)
        {
            case NamespaceValue { Path: "CONSTANTS" } when name.StartsWith('c') && int.TryParse(name.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out int index):
                return Constant(index, frame, line);
            case NamespaceValue ns:
                return new NamespaceValue(ns.Path + "." + name);
            case ModuleValue m:
                return ModuleAttribute(m, name, frame, line);
            default:
                throw At(DiagnosticCode.TorchScriptUnresolved, frame, line, $"{ScriptTypes.Describe(target)} has no attribute '{name}' known at conversion time.");
        }
    }

    private object? ModuleAttribute(ModuleValue m, string name, Frame frame, int line)
    {
        var path = m.Path.Length == 0 ? name : m.Path + "." + name;
        if (m.Object.Attributes.TryGetValue(name, out var value))
        {
            switch (value)
            {
                case TorchScriptObject child:
                    return new ModuleValue(child, path);
                case TensorData data:
                    if (!_weights.TryGetValue((m.Object, name), out var weight))
                    {
                        _graph.Initializers.Add(new Initializer(path, data));
                        _weights[(m.Object, name)] = weight = new TensorValue(path, data.DataType, data.Shape.ToArray(), KnownValues(data));
                    }
                    return weight;
                case object?[] tuple:
                    return new TupleValue(tuple);
                default:
                    return value;
            }
        }
        if (_module.Program.Classes.TryGetValue(m.Object.TypeName, out var cls) && cls.Attribute(name) is { Value: not null } decl)
            return EvalConstant(decl.Value, frame.Path);
        throw At(DiagnosticCode.TorchScriptUnresolved, frame, line, $"module '{(m.Path.Length == 0 ? "self" : m.Path)}' ({m.Object.TypeName}) has no value for attribute '{name}'.");
    }

    private TensorValue Constant(int index, Frame frame, int line)
    {
        if (index >= _module.Constants.Count)
            throw At(DiagnosticCode.TorchScriptUnresolved, frame, line, $"CONSTANTS.c{index} is used, but the archive has {_module.Constants.Count} tensor constants.");
        if (!_constants.TryGetValue(index, out var value))
        {
            var data = _module.Constants[index];
            var name = $"CONSTANTS.c{index}";
            _graph.Initializers.Add(new Initializer(name, data));
            _constants[index] = value = new TensorValue(name, data.DataType, data.Shape.ToArray(), KnownValues(data));
        }
        return value;
    }

    /// <summary>Values of 0-dim and one-element numeric tensors, so shape arithmetic on them folds.</summary>
    private static double[]? KnownValues(TensorData data)
    {
        if (data.ElementCount != 1) return null;
        var bytes = data.ReadAllBytes();
        return data.DataType switch
        {
            DataType.Float32 => [MemoryMarshal.Read<float>(bytes)],
            DataType.Float64 => [MemoryMarshal.Read<double>(bytes)],
            DataType.Int64 => [MemoryMarshal.Read<long>(bytes)],
            DataType.Int32 => [MemoryMarshal.Read<int>(bytes)],
            _ => null,
        };
    }

    private object? Subscript(object? target, Expr indexExpr, Frame frame, int line)
    {
        if (indexExpr is SliceExpr slice)
        {
            var items = target switch
            {
                List<object?> l => l.ToArray(),
                TupleValue t => t.Items,
                _ => throw At(DiagnosticCode.TorchScriptNotStatic, frame, line, $"cannot slice {ScriptTypes.Describe(target)} at conversion time."),
            };
            long Bound(Expr? b, long dflt) => b is null ? dflt : Eval(b, frame) as long? ?? throw At(DiagnosticCode.TorchScriptNotStatic, frame, line, "a slice bound is not an int.");
            long step = Bound(slice.Step, 1);
            if (step != 1) throw At(DiagnosticCode.UnsupportedFeature, frame, line, "slices with a step are not supported.");
            long n = items.Length, start = Bound(slice.Start, 0), stop = Bound(slice.Stop, n);
            start = Math.Clamp(start < 0 ? start + n : start, 0, n);
            stop = Math.Clamp(stop < 0 ? stop + n : stop, 0, n);
            var part = items.Skip((int)start).Take((int)Math.Max(0, stop - start)).ToArray();
            return target is TupleValue ? new TupleValue(part) : part.ToList();
        }
        return Index(target, Eval(indexExpr, frame), frame, line);
    }

    private object? Index(object? target, object? index, Frame frame, int line)
    {
        switch (target)
        {
            case List<object?> or TupleValue when index is long i:
                var items = target is TupleValue t ? t.Items : ((List<object?>)target).ToArray();
                long k = i < 0 ? i + items.Length : i;
                if (k < 0 || k >= items.Length) throw At(DiagnosticCode.TorchScriptRaises, frame, line, $"index {i} is out of range for a list of {items.Length}.");
                return items[k];
            case Dictionary<object, object?> d when index is not null && d.TryGetValue(index, out var v):
                return v;
            case string s when index is long i:
                return s[(int)(i < 0 ? i + s.Length : i)].ToString();
            default:
                throw At(DiagnosticCode.TorchScriptNotStatic, frame, line, $"cannot index {ScriptTypes.Describe(target)} with {ScriptTypes.Describe(index)} at conversion time.");
        }
    }

    private object? Unary(string op, object? value, Frame frame, int line) => (op, value) switch
    {
        ("not", _) => !Truth(value, frame, line, "'not'"),
        ("-", long l) => -l,
        ("-", double d) => -d,
        ("+", long or double) => value,
        ("-", TensorValue t) => CallOp("aten", "neg", [t], [], frame, line),
        _ => throw At(DiagnosticCode.TorchScriptNotStatic, frame, line, $"operator {op} on {ScriptTypes.Describe(value)} is not supported."),
    };

    /// <summary>Python operators; printed code rarely has them (it prints torch.add …), hand-written code may.</summary>
    private object? Binary(string op, object? left, object? right, Frame frame, int line)
    {
        switch (op)
        {
            case "is": return IsSame(left, right);
            case "is not": return !IsSame(left, right);
            case "in": return right is List<object?> l ? l.Any(x => Equals(x, left)) : right is Dictionary<object, object?> d && left is not null && d.ContainsKey(left);
            case "not in": return !(bool)Binary("in", left, right, frame, line)!;
        }
        var name = op switch
        {
            "+" => "add", "-" => "sub", "*" => "mul", "/" => "div", "//" => "floordiv", "%" => "remainder", "**" => "pow", "@" => "matmul",
            "==" => "eq", "!=" => "ne", "<" => "lt", "<=" => "le", ">" => "gt", ">=" => "ge", "&" => "__and__", "|" => "__or__", "^" => "__xor__",
            _ => throw At(DiagnosticCode.TorchScriptSyntax, frame, line, $"operator {op} is not supported."),
        };
        if (left is TensorValue && op == "//") name = "floor_divide";
        return CallOp("aten", name, [left, right], [], frame, line);
    }

    private static bool IsSame(object? a, object? b) => a is null || b is null ? a is null && b is null : ReferenceEquals(a, b) || Equals(a, b);

    private bool Truth(object? value, Frame frame, int line, string what) => value switch
    {
        bool b => b,
        long l => l != 0,
        double d => d != 0,
        null => false,
        string s => s.Length > 0,
        List<object?> l => l.Count > 0,
        TensorValue { Known: [var k] } => k != 0,
        _ => throw At(DiagnosticCode.TorchScriptNotStatic, frame, line, $"{what} depends on {ScriptTypes.Describe(value)}, which is not known at conversion time (data-dependent control flow)."),
    };

    private object? Call(CallExpr call, Frame frame)
    {
        int line = call.Line;
        if (call.Function is NameExpr { Name: var builtin } && !frame.Locals.ContainsKey(builtin))
        {
            switch (builtin)
            {
                case "annotate":
                case "unchecked_cast":
                    return Eval(call.Arguments[1], frame);
                case "uninitialized":
                    return new UninitializedValue(TorchScriptObjectTree.TypeText(call.Arguments[0]));
                case "getattr":
                    return Attribute(Eval(call.Arguments[0], frame), Eval(call.Arguments[1], frame) as string ?? throw At(DiagnosticCode.TorchScriptNotStatic, frame, line, "getattr needs a constant name."), frame, line);
                case "isinstance":
                    return IsInstance(Eval(call.Arguments[0], frame), TorchScriptObjectTree.TypeText(call.Arguments[1]));
                case "int" or "float" or "bool" or "str" or "len":
                    return Builtin(builtin, Eval(call.Arguments[0], frame), frame, line);
                case "range":
                    return Iterate(call, frame).ToList();
                case "print":
                    return null;
            }
        }
        object? function;
        FunctionDef? method = null;
        ModuleValue? receiver = null;
        if (call.Function is AttributeExpr attr && Eval(attr.Target, frame) is var target && target is ModuleValue module
            && _module.Program.Classes.TryGetValue(module.Object.TypeName, out var cls) && cls.Method(attr.Name) is { } m)
        {
            // (submodule).forward(x, ): inlined with self bound to the submodule.
            function = null;
            method = m;
            receiver = module;
        }
        else function = call.Function is AttributeExpr a ? Attribute(Eval(a.Target, frame), a.Name, frame, line) : Eval(call.Function, frame);
        var args = call.Arguments.Select(a => Eval(a, frame)).ToList();
        var keywords = call.Keywords.Select(k => new KeyValuePair<string, object?>(k.Name, Eval(k.Value, frame))).ToList();
        if (method is not null) return Invoke(method, receiver, args, keywords, new SourceLocation(frame.Path, line));
        switch (function)
        {
            case NamespaceValue { Path: "torch.device" }:
                return new DeviceValue(args.Count > 0 ? args[0]?.ToString() ?? "cpu" : "cpu");
            case NamespaceValue ns when ns.Path.StartsWith("torch.", StringComparison.Ordinal):
                return CallOp("aten", ns.Path["torch.".Length..], args, keywords, frame, line);
            case NamespaceValue ns when ns.Path.StartsWith("ops.", StringComparison.Ordinal) && ns.Path.Count(c => c == '.') == 2:
                var parts = ns.Path.Split('.');
                return CallPrim(parts[1], parts[2], args, keywords, frame, line);
            case NamespaceValue ns when ns.Path.StartsWith("__torch__.", StringComparison.Ordinal):
                return CallFunction(ns.Path, args, keywords, frame, line);
            case FunctionValue f:
                return CallFunction(f.QualifiedName, args, keywords, frame, line);
        }
        throw At(DiagnosticCode.TorchScriptUnresolved, frame, line, $"cannot call {ScriptTypes.Describe(function)}.");
    }

    private object? CallFunction(string qualifiedName, List<object?> args, List<KeyValuePair<string, object?>> keywords, Frame frame, int line)
    {
        if (!_module.Program.Functions.TryGetValue(qualifiedName, out var fn))
            throw At(DiagnosticCode.TorchScriptUnresolved, frame, line, $"function {qualifiedName} is not defined by any code file of the archive.");
        return Invoke(fn, null, args, keywords, new SourceLocation(frame.Path, line));
    }

    private object? CallPrim(string ns, string name, List<object?> args, List<KeyValuePair<string, object?>> keywords, Frame frame, int line)
    {
        if (ns == "prim" && name == "RaiseException")
            throw At(DiagnosticCode.TorchScriptRaises, frame, line, $"the model raises {(args.Count > 1 ? args[1] : "an exception")}: {(args.Count > 0 ? args[0] : "")}");
        return CallOp(ns, name, args, keywords, frame, line);
    }

    /// <summary>Binds <c>ns::name(args)</c> to its schema and evaluates or lowers it.</summary>
    private object? CallOp(string ns, string name, IReadOnlyList<object?> args, IReadOnlyList<KeyValuePair<string, object?>> keywords, Frame frame, int line)
    {
        var where = new SourceLocation(frame.Path, line);
        if (ns == "aten" && name == "format") return PythonOps.Format(args);
        if (ns == "aten" && name == "warn") return null;
        var overloads = _schemas.Overloads($"{ns}::{name}");
        if (overloads.Count == 0) throw TorchScriptThrowHelper.UnsupportedOperator(Archive, where, $"{ns}::{name}");
        foreach (var arg in args.Concat(keywords.Select(k => k.Value)))
            if (arg is UninitializedValue u) throw At(DiagnosticCode.TorchScriptRaises, frame, line, $"a value of type {u.Type} is used before it is set (a path that raises in PyTorch).");
        var bound = OverloadResolver.Bind(overloads, args, keywords, where, Archive);
        // Python-level overloads (add.int, eq.int_list, __getitem__.t) are evaluated; tensor ones are lowered.
        if (!MentionsTensors(bound.Schema) && PythonOps.TryEvaluate(bound, out var result)) return result;
        var lowering = _ops.Find(ns, name, _module.Version);
        // A nested tensor is padded underneath: an op that ignores its token mask would read the padding as tokens.
        if (bound.Values.Any(v => v is TensorValue { NestedTokens: not null } || (v is List<object?> l && l.Any(i => i is TensorValue { NestedTokens: not null })))
            && !Ops.NestedTensorFromMask.Consumers.Contains(name))
            throw bound.Unsupported("a nested tensor (nn.TransformerEncoder's fast path with a padding mask) is only supported as the input of its encoder layers and to_padded_tensor.");
        if (lowering is not null && MentionsTensors(bound.Schema)) return Ops.Views.Aliasing(bound, lowering(_ctx, bound));
        throw TorchScriptThrowHelper.UnsupportedOperator(Archive, where, bound.Schema.FullName);
    }

    private static bool MentionsTensors(OperatorSchema schema) =>
        schema.Arguments.Concat(schema.Returns).Any(a => a.Type.Name == "Tensor" || a.Type.Element?.Name == "Tensor");

    private object? Builtin(string name, object? value, Frame frame, int line)
    {
        if (value is TensorValue t)
        {
            if (name == "len" && t.Shape is { Length: > 0 } s && s[0] >= 0) return s[0];
            if (t.Known is [var k])
                return name switch { "int" => (long)k, "float" => k, "bool" => k != 0, _ => k.ToString(CultureInfo.InvariantCulture) };
            // int() of a run-time 0-dim integer tensor (a traced size of a symbolic dim) stays symbolic.
            if (name == "int" && t.Rank == 0 && t.Name is not null && t.DataType is DataType.Int64 or DataType.Int32)
                return new SymIntValue(_ctx.Cast(t, DataType.Int64));
            throw At(DiagnosticCode.TorchScriptNotStatic, frame, line, $"{name}() of a tensor needs its value, which is not known at conversion time.");
        }
        return name switch
        {
            "int" => value switch { long l => l, double d => (long)Math.Truncate(d), bool b => b ? 1L : 0L, string s => long.Parse(s, CultureInfo.InvariantCulture), _ => Bad() },
            "float" => value switch { long l => (double)l, double d => d, bool b => b ? 1.0 : 0.0, string s => double.Parse(s, CultureInfo.InvariantCulture), _ => Bad() },
            "bool" => Truth(value, frame, line, "bool()"),
            "str" => PythonOps.Str(value),
            "len" => value switch { List<object?> l => (long)l.Count, TupleValue tv => (long)tv.Items.Length, string s => (long)s.Length, Dictionary<object, object?> d => (long)d.Count, _ => Bad() },
            _ => Bad(),
        };
        object Bad() => throw At(DiagnosticCode.TorchScriptNotStatic, frame, line, $"{name}() of {ScriptTypes.Describe(value)} is not supported.");
    }

    private static bool IsInstance(object? value, string type) => type switch
    {
        "Tensor" => value is TensorValue,
        "int" => value is long,
        "float" => value is double,
        "bool" => value is bool,
        "str" => value is string,
        _ when type.StartsWith("List", StringComparison.Ordinal) => value is List<object?>,
        _ when type.StartsWith("Tuple", StringComparison.Ordinal) => value is TupleValue,
        _ => value is ModuleValue m && m.Object.TypeName == type,
    };

    private ModelBuildException At(DiagnosticCode code, Frame frame, int line, string message) =>
        TorchScriptThrowHelper.At(code, Archive, new SourceLocation(frame.Path, line), message);
}
