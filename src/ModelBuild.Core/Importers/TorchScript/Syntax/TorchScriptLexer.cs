using System.Globalization;
using System.Text;

namespace ModelBuild.Core.Importers.TorchScript.Syntax;

/// <summary>
/// Tokenizes serialized TorchScript: Python's indentation (INDENT/DEDENT by column), implicit line joining inside
/// brackets, comments, single/double-quoted strings with escapes, ints, floats (<c>1.</c>, <c>1e-05</c>) and operators.
/// </summary>
public static class TorchScriptLexer
{
    private static readonly string[] Operators =
    [
        "**=", "//=", "->", "**", "//", "==", "!=", "<=", ">=", "<<", ">>", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
        "(", ")", "[", "]", "{", "}", ",", ":", ".", "=", "+", "-", "*", "/", "%", "<", ">", "&", "|", "^", "~", "@", ";",
    ];

    /// <summary>Tokens of <paramref name="source"/>; throws MBLD2010 naming <paramref name="codePath"/> and the line.</summary>
    public static List<Token> Tokenize(string source, string codePath, string? archive = null)
    {
        var tokens = new List<Token>();
        var indents = new Stack<int>();
        indents.Push(0);
        int depth = 0, line = 1, i = 0, openLine = 1;
        bool lineStart = true;
        while (i < source.Length)
        {
            if (lineStart && depth == 0)
            {
                int column = 0, j = i;
                while (j < source.Length && (source[j] == ' ' || source[j] == '\t')) { column += source[j] == '\t' ? 8 - column % 8 : 1; j++; }
                if (j >= source.Length) { i = j; break; }
                if (source[j] == '\n' || source[j] == '\r' || source[j] == '#')
                {
                    // A blank or comment-only line: no tokens, no indentation change.
                    while (j < source.Length && source[j] != '\n') j++;
                    if (j < source.Length) { j++; line++; }
                    i = j;
                    continue;
                }
                if (column > indents.Peek())
                {
                    indents.Push(column);
                    tokens.Add(new Token(TokenKind.Indent, "", line));
                }
                while (column < indents.Peek())
                {
                    indents.Pop();
                    tokens.Add(new Token(TokenKind.Dedent, "", line));
                }
                if (column != indents.Peek())
                    throw TorchScriptThrowHelper.Syntax(archive, codePath, line, "inconsistent indentation.");
                i = j;
                lineStart = false;
            }
            char c = source[i];
            if (c == '\n')
            {
                if (depth == 0 && tokens.Count > 0 && tokens[^1].Kind != TokenKind.Newline) tokens.Add(new Token(TokenKind.Newline, "", line));
                line++;
                i++;
                // Inside brackets a line break joins lines: no indentation is measured on the next one.
                lineStart = depth == 0;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f') { i++; continue; }
            if (c == '\\' && i + 1 < source.Length && source[i + 1] == '\n') { i += 2; line++; continue; }
            if (c == '#') { while (i < source.Length && source[i] != '\n') i++; continue; }
            if (char.IsLetter(c) || c == '_')
            {
                int start = i;
                while (i < source.Length && (char.IsLetterOrDigit(source[i]) || source[i] == '_')) i++;
                tokens.Add(new Token(TokenKind.Name, source[start..i], line));
                continue;
            }
            if (char.IsDigit(c) || (c == '.' && i + 1 < source.Length && char.IsDigit(source[i + 1])))
            {
                tokens.Add(ReadNumber(source, ref i, line, codePath, archive));
                continue;
            }
            if (c == '"' || c == '\'')
            {
                tokens.Add(ReadString(source, ref i, ref line, codePath, archive));
                continue;
            }
            var op = Operators.FirstOrDefault(o => string.CompareOrdinal(source, i, o, 0, o.Length) == 0);
            if (op is null) throw TorchScriptThrowHelper.Syntax(archive, codePath, line, $"unexpected character '{c}'.");
            if (op is "(" or "[" or "{")
            {
                if (depth == 0) openLine = line;
                depth++;
            }
            if (op is ")" or "]" or "}")
            {
                if (depth == 0) throw TorchScriptThrowHelper.Syntax(archive, codePath, line, $"unbalanced '{op}'.");
                depth--;
            }
            tokens.Add(new Token(TokenKind.Op, op, line));
            i += op.Length;
        }
        if (depth != 0) throw TorchScriptThrowHelper.Syntax(archive, codePath, openLine, "bracket opened here is never closed.");
        if (tokens.Count > 0 && tokens[^1].Kind != TokenKind.Newline) tokens.Add(new Token(TokenKind.Newline, "", line));
        while (indents.Count > 1) { indents.Pop(); tokens.Add(new Token(TokenKind.Dedent, "", line)); }
        tokens.Add(new Token(TokenKind.End, "", line));
        return tokens;
    }

    private static Token ReadNumber(string s, ref int i, int line, string codePath, string? archive)
    {
        int start = i;
        bool isFloat = false;
        while (i < s.Length && (char.IsDigit(s[i]) || s[i] == '_')) i++;
        if (i < s.Length && s[i] == '.') { isFloat = true; i++; while (i < s.Length && char.IsDigit(s[i])) i++; }
        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            int save = i;
            i++;
            if (i < s.Length && (s[i] == '+' || s[i] == '-')) i++;
            if (i < s.Length && char.IsDigit(s[i])) { isFloat = true; while (i < s.Length && char.IsDigit(s[i])) i++; }
            else i = save;
        }
        var text = s[start..i].Replace("_", "");
        if (i < s.Length && (s[i] == 'j' || s[i] == 'J'))
            throw TorchScriptThrowHelper.Syntax(archive, codePath, line, $"complex literal '{text}j' is not supported.");
        if (isFloat) return new Token(TokenKind.Float, text, line, double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            // 9223372036854775808 only appears negated (INT64_MIN); keep it as unsigned magnitude.
            if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var u) && u == 9223372036854775808UL)
                return new Token(TokenKind.Int, text, line, long.MinValue);
            throw TorchScriptThrowHelper.Syntax(archive, codePath, line, $"integer literal '{text}' does not fit in 64 bits.");
        }
        return new Token(TokenKind.Int, text, line, value);
    }

    private static Token ReadString(string s, ref int i, ref int line, string codePath, string? archive)
    {
        char quote = s[i];
        int startLine = line;
        bool triple = i + 2 < s.Length && s[i + 1] == quote && s[i + 2] == quote;
        i += triple ? 3 : 1;
        var sb = new StringBuilder();
        while (true)
        {
            if (i >= s.Length) throw TorchScriptThrowHelper.Syntax(archive, codePath, startLine, "unterminated string literal.");
            char c = s[i];
            if (triple ? (c == quote && i + 2 < s.Length && s[i + 1] == quote && s[i + 2] == quote) : c == quote)
            {
                i += triple ? 3 : 1;
                break;
            }
            if (c == '\n')
            {
                if (!triple) throw TorchScriptThrowHelper.Syntax(archive, codePath, startLine, "unterminated string literal.");
                line++;
            }
            if (c == '\\' && i + 1 < s.Length)
            {
                char e = s[i + 1];
                i += 2;
                switch (e)
                {
                    case 'n': sb.Append('\n'); break;
                    case 't': sb.Append('\t'); break;
                    case 'r': sb.Append('\r'); break;
                    case '0' or '1' or '2' or '3' or '4' or '5' or '6' or '7':
                        int octal = e - '0';
                        for (int k = 0; k < 2 && i < s.Length && s[i] >= '0' && s[i] <= '7'; k++) octal = octal * 8 + (s[i++] - '0');
                        sb.Append((char)octal);
                        break;
                    case 'x':
                        if (i + 2 > s.Length) throw TorchScriptThrowHelper.Syntax(archive, codePath, line, "truncated \\x escape.");
                        sb.Append((char)int.Parse(s.AsSpan(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        i += 2;
                        break;
                    case '\n': line++; break;
                    default: sb.Append(e); break; // \\ \' \"
                }
                continue;
            }
            sb.Append(c);
            i++;
        }
        var text = sb.ToString();
        return new Token(TokenKind.String, text, startLine, text);
    }
}
