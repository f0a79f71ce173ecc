using System.Globalization;
using System.Text;

namespace ModelBuild.Core.Importers.TorchScript;

/// <summary>
/// Parses PyTorch's schema text (<c>FunctionSchema</c>'s <c>str()</c>): <c>ns::name.overload(args) -&gt; returns</c>,
/// with typed arguments, defaults (including lists such as <c>int[2]=[1, 1]</c>), <c>?</c> optionals, the <c>*</c>
/// keyword-only marker, <c>*args</c>-style varargs (<c>...</c>), alias annotations (<c>Tensor(a!)</c>,
/// <c>Tensor(a -&gt; *)</c>, <c>t(*)</c>) and parameterised types (<c>Dict(str, Tensor)</c>, <c>Future(t)</c>).
/// </summary>
public static class OperatorSchemaParser
{
    private static readonly HashSet<string> TypeConstructors = new(StringComparer.Ordinal) { "Dict", "Future", "RRef", "Await", "Union", "Tuple", "List", "Optional" };

    public static OperatorSchema Parse(string text)
    {
        var p = new Cursor(text);
        var qualified = p.ReadWhile(c => c != '(').Trim();
        int colons = qualified.IndexOf("::", StringComparison.Ordinal);
        if (colons <= 0) throw p.Error("expected 'namespace::name'");
        var ns = qualified[..colons];
        var rest = qualified[(colons + 2)..];
        int dot = rest.IndexOf('.');
        var name = dot < 0 ? rest : rest[..dot];
        var overload = dot < 0 ? "" : rest[(dot + 1)..];
        p.Expect('(');
        var args = ParseArgumentList(p, ')', out _);
        p.Expect(')');
        p.SkipSpaces();
        if (!p.TryConsume("->")) throw p.Error("expected '->'");
        p.SkipSpaces();
        List<SchemaArgument> returns;
        bool varRet = false;
        if (p.Peek == '(')
        {
            p.Expect('(');
            returns = ParseArgumentList(p, ')', out varRet);
            p.Expect(')');
        }
        else if (p.TryConsume("..."))
        {
            returns = [];
            varRet = true;
        }
        else
        {
            returns = [ParseArgument(p, keywordOnly: false, isReturn: true)];
        }
        p.SkipSpaces();
        if (!p.AtEnd) throw p.Error("unexpected text after the returns");
        return new OperatorSchema(ns, name, overload, args, returns, varRet);
    }

    /// <summary>Parses a default value as a schema prints it, typed by <paramref name="type"/>.</summary>
    public static object? ParseDefault(string text, SchemaType type)
    {
        text = text.Trim();
        if (text == "None") return null;
        if (text == "True") return true;
        if (text == "False") return false;
        if (text.StartsWith('[') && text.EndsWith(']'))
        {
            var inner = text[1..^1].Trim();
            var element = type.Element ?? type;
            var items = inner.Length == 0 ? [] : inner.Split(',').Select(s => ParseDefault(s, element)).ToList();
            return items;
        }
        if (text.Length >= 2 && (text[0] == '"' || text[0] == '\'') && text[^1] == text[0]) return text[1..^1];
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            if (type.IsList && type.FixedSize is int n) return Enumerable.Repeat((object?)l, n).ToList();
            if (type.Name == "float") return (double)l;
            return l;
        }
        if (text is "inf" or "-inf" or "nan") return text == "nan" ? double.NaN : text[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
        return text; // enum-like names: contiguous_format, long, Mean …
    }

    private static List<SchemaArgument> ParseArgumentList(Cursor p, char close, out bool varArgs)
    {
        var list = new List<SchemaArgument>();
        bool keywordOnly = false;
        varArgs = false;
        p.SkipSpaces();
        while (p.Peek != close)
        {
            p.SkipSpaces();
            if (p.TryConsume("..."))
            {
                varArgs = true;
            }
            else if (p.Peek == '*' && (p.PeekAt(1) == ',' || p.PeekAt(1) == close || p.PeekAt(1) == ' '))
            {
                p.Expect('*');
                keywordOnly = true;
            }
            else
            {
                list.Add(ParseArgument(p, keywordOnly, isReturn: close == ')' && false));
            }
            p.SkipSpaces();
            if (p.Peek == ',') { p.Expect(','); p.SkipSpaces(); continue; }
            if (p.Peek != close) throw p.Error($"expected ',' or '{close}'");
        }
        return list;
    }

    private static SchemaArgument ParseArgument(Cursor p, bool keywordOnly, bool isReturn)
    {
        var type = ParseType(p);
        p.SkipSpaces();
        string name = "";
        if (char.IsLetter(p.Peek) || p.Peek == '_') name = p.ReadWhile(c => char.IsLetterOrDigit(c) || c == '_');
        p.SkipSpaces();
        string? defaultText = null;
        if (p.Peek == '=')
        {
            p.Expect('=');
            defaultText = ReadDefault(p);
        }
        var value = defaultText is null ? null : ParseDefault(defaultText, type);
        return new SchemaArgument(name, type, keywordOnly, defaultText, value);
    }

    private static string ReadDefault(Cursor p)
    {
        var sb = new StringBuilder();
        int depth = 0;
        char quote = '\0';
        while (!p.AtEnd)
        {
            char c = p.Peek;
            if (quote != '\0')
            {
                sb.Append(p.Next());
                if (c == '\\' && !p.AtEnd) sb.Append(p.Next());
                else if (c == quote) quote = '\0';
                continue;
            }
            if (c == '"' || c == '\'') { quote = c; sb.Append(p.Next()); continue; }
            if (c == '[' || c == '(') depth++;
            if (c == ']' || c == ')') { if (depth == 0) break; depth--; }
            if (c == ',' && depth == 0) break;
            sb.Append(p.Next());
        }
        return sb.ToString().Trim();
    }

    private static SchemaType ParseType(Cursor p)
    {
        p.SkipSpaces();
        if (p.Peek == '(')
        {
            // A tuple type: (Tensor, tVal)[] in aten::dict.Tensor.
            p.Expect('(');
            var items = new List<SchemaType>();
            while (p.Peek != ')')
            {
                items.Add(ParseType(p));
                p.SkipSpaces();
                if (p.Peek == ',') p.Expect(',');
            }
            p.Expect(')');
            return WithSuffixes(p, new SchemaType("Tuple", Parameters: items), "Tuple");
        }
        var name = p.ReadWhile(c => char.IsLetterOrDigit(c) || c == '_' || c == '.');
        if (name.Length == 0) throw p.Error("expected a type");
        List<SchemaType>? parameters = null;
        string? alias = null;
        if (p.Peek == '(')
        {
            // Either an alias annotation, Tensor(a!) / t(*) / Tensor(a -> *), or type parameters, Dict(str, t).
            int save = p.Position;
            p.Expect('(');
            var inner = p.ReadWhile(c => c != ')');
            p.Expect(')');
            if (!TypeConstructors.Contains(name) && IsAlias(inner)) alias = inner.Trim();
            else
            {
                p.Position = save + 1;
                parameters = [];
                while (true)
                {
                    parameters.Add(ParseType(p));
                    p.SkipSpaces();
                    if (p.Peek == ',') { p.Expect(','); continue; }
                    p.Expect(')');
                    break;
                }
                // Dict(Tensor, t)(a!): an alias annotation after the type parameters.
                if (p.Peek == '(')
                {
                    p.Expect('(');
                    alias = p.ReadWhile(c => c != ')').Trim();
                    p.Expect(')');
                }
            }
        }
        return WithSuffixes(p, new SchemaType(name, Alias: alias, Parameters: parameters), name);
    }

    /// <summary>List (<c>[]</c>, <c>[2]</c>, with an optional alias) and optional (<c>?</c>) suffixes.</summary>
    private static SchemaType WithSuffixes(Cursor p, SchemaType type, string name)
    {
        while (true)
        {
            if (p.Peek == '[')
            {
                p.Expect('[');
                var size = p.ReadWhile(char.IsDigit);
                p.Expect(']');
                string? listAlias = null;
                if (p.Peek == '(')
                {
                    p.Expect('(');
                    listAlias = p.ReadWhile(c => c != ')').Trim();
                    p.Expect(')');
                }
                type = new SchemaType(name + "[]", Element: type, FixedSize: size.Length == 0 ? null : int.Parse(size, CultureInfo.InvariantCulture), Alias: listAlias);
            }
            else if (p.Peek == '?')
            {
                p.Expect('?');
                type = type with { IsOptional = true };
            }
            else break;
        }
        return type;
    }

    private static bool IsAlias(string inner)
    {
        var s = inner.Trim();
        if (s == "*") return true;
        if (s.Contains("->", StringComparison.Ordinal)) return true;
        var core = s.TrimEnd('!');
        return core.Split('|').All(part => part.Length > 0 && part.All(char.IsLower) && part.Length <= 2);
    }

    private sealed class Cursor(string text)
    {
        public int Position { get; set; }
        public bool AtEnd => Position >= text.Length;
        public char Peek => AtEnd ? '\0' : text[Position];
        public char PeekAt(int k) => Position + k < text.Length ? text[Position + k] : '\0';
        public char Next() => text[Position++];

        public void SkipSpaces() { while (!AtEnd && text[Position] == ' ') Position++; }

        public string ReadWhile(Func<char, bool> keep)
        {
            int start = Position;
            while (!AtEnd && keep(text[Position])) Position++;
            return text[start..Position];
        }

        public bool TryConsume(string s)
        {
            if (string.CompareOrdinal(text, Position, s, 0, s.Length) != 0) return false;
            Position += s.Length;
            return true;
        }

        public void Expect(char c)
        {
            SkipSpaces();
            if (Peek != c) throw Error($"expected '{c}'");
            Position++;
        }

        public FormatException Error(string what) => new($"schema '{text}': {what} at column {Position + 1}.");
    }
}
