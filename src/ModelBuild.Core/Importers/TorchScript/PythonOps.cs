using System.Globalization;

namespace ModelBuild.Core.Importers.TorchScript;

/// <summary>
/// Evaluates the aten ops on Python values (ints, floats, bools, strings, lists) at conversion time: the shape
/// arithmetic and list logic that has no ONNX counterpart (<c>aten::add.int</c>, <c>aten::eq.int_list</c>,
/// <c>aten::__getitem__.t</c>, <c>aten::append.t</c>, <c>aten::len.t</c> …).
/// </summary>
public static class PythonOps
{
    public static bool TryEvaluate(BoundCall call, out object? result)
    {
        var v = call.Values;
        object? a = v.Count > 0 ? v[0] : null, b = v.Count > 1 ? v[1] : null;
        result = call.Schema.Name switch
        {
            "add" when a is List<object?> la && b is List<object?> lb => la.Concat(lb).ToList(),
            "add" when a is string sa && b is string sb => sa + sb,
            "add" => Arith(a, b, (x, y) => x + y, (x, y) => x + y),
            "sub" => Arith(a, b, (x, y) => x - y, (x, y) => x - y),
            "mul" when a is List<object?> la && b is long n => Enumerable.Range(0, (int)Math.Max(0, n)).SelectMany(_ => la).ToList(),
            "mul" => Arith(a, b, (x, y) => x * y, (x, y) => x * y),
            "div" => Num(a) is double x && Num(b) is double y ? x / y : Missing,
            "floordiv" => Arith(a, b, FloorDiv, (x, y) => Math.Floor(x / y)),
            "remainder" => Arith(a, b, (x, y) => x - FloorDiv(x, y) * y, (x, y) => x - Math.Floor(x / y) * y),
            "pow" => Num(a) is double x && Num(b) is double y ? (a is long && b is long && y >= 0 ? (object)(long)Math.Pow(x, y) : Math.Pow(x, y)) : Missing,
            "neg" => a switch { long l => -l, double d => -d, _ => Missing },
            "abs" => a switch { long l => Math.Abs(l), double d => Math.Abs(d), _ => Missing },
            "floor" => a is double d ? (long)Math.Floor(d) : a is long ? a : Missing,
            "ceil" => a is double d ? (long)Math.Ceiling(d) : a is long ? a : Missing,
            "eq" => Same(a, b),
            "ne" => !Same(a, b),
            "lt" => Compare(a, b) is int c ? c < 0 : Missing,
            "le" => Compare(a, b) is int c ? c <= 0 : Missing,
            "gt" => Compare(a, b) is int c ? c > 0 : Missing,
            "ge" => Compare(a, b) is int c ? c >= 0 : Missing,
            "__is__" => a is null || b is null ? a is null && b is null : Same(a, b),
            "__isnot__" => a is null || b is null ? !(a is null && b is null) : !Same(a, b),
            "__not__" => a is bool x ? !x : Missing,
            "__and__" => a is bool x && b is bool y ? x && y : a is long p && b is long q ? p & q : Missing,
            "__or__" => a is bool x && b is bool y ? x || y : a is long p && b is long q ? p | q : Missing,
            "__xor__" => a is bool x && b is bool y ? x ^ y : a is long p && b is long q ? p ^ q : Missing,
            "len" => a switch { List<object?> l => (long)l.Count, string s => (long)s.Length, Dictionary<object, object?> d => (long)d.Count, _ => Missing },
            "append" when a is List<object?> l => Append(l, b),
            "__getitem__" when a is List<object?> l && b is long i => i >= -l.Count && i < l.Count ? l[(int)(i < 0 ? i + l.Count : i)] : Missing,
            "__getitem__" when a is Dictionary<object, object?> d && b is not null => d.TryGetValue(b, out var x) ? x : Missing,
            "__contains__" when a is List<object?> l => l.Any(x => Same(x, b)),
            "__contains__" when a is Dictionary<object, object?> d => b is not null && d.ContainsKey(b),
            "list" when a is List<object?> l => l.ToList(),
            "Int" => a switch { long l => l, double d => (long)Math.Truncate(d), bool x => x ? 1L : 0L, _ => Missing },
            "Float" => Num(a) ?? Missing,
            "Bool" => a switch { bool x => x, long l => l != 0, double d => d != 0, _ => Missing },
            "str" => Str(a),
            "min" when a is long x && b is long y => Math.Min(x, y),
            "max" when a is long x && b is long y => Math.Max(x, y),
            _ => Missing,
        };
        if (ReferenceEquals(result, Missing))
        {
            result = null;
            return false;
        }
        return true;
    }

    /// <summary><c>aten::format</c>: Python's <c>"{}".format(…)</c> with positional fields.</summary>
    public static string Format(IReadOnlyList<object?> args)
    {
        if (args.Count == 0 || args[0] is not string template) return "";
        var parts = template.Split("{}");
        var text = parts[0];
        for (int i = 1; i < parts.Length; i++) text += (i < args.Count ? Str(args[i]) : "{}") + parts[i];
        return text;
    }

    public static string Str(object? value) => value switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        string s => s,
        List<object?> l => "[" + string.Join(", ", l.Select(Str)) + "]",
        _ => ScriptTypes.Describe(value),
    };

    private static readonly object Missing = new();

    private static object Append(List<object?> list, object? item)
    {
        list.Add(item);
        return list;
    }

    private static double? Num(object? v) => v switch { long l => l, double d => d, bool b => b ? 1 : 0, _ => null };

    private static long FloorDiv(long x, long y) => (long)Math.Floor((double)x / y);

    private static object Arith(object? a, object? b, Func<long, long, long> ints, Func<double, double, double> floats)
    {
        if (a is long or bool && b is long or bool) return ints(Convert.ToInt64(a, CultureInfo.InvariantCulture), Convert.ToInt64(b, CultureInfo.InvariantCulture));
        if (Num(a) is double x && Num(b) is double y) return floats(x, y);
        return Missing;
    }

    private static int? Compare(object? a, object? b)
    {
        if (a is string sa && b is string sb) return string.CompareOrdinal(sa, sb);
        if (Num(a) is double x && Num(b) is double y) return x.CompareTo(y);
        return null;
    }

    private static bool Same(object? a, object? b)
    {
        if (a is List<object?> la && b is List<object?> lb) return la.Count == lb.Count && la.Zip(lb).All(p => Same(p.First, p.Second));
        if (Num(a) is double x && Num(b) is double y && a is not bool == b is not bool) return x == y;
        return Equals(a, b);
    }
}
