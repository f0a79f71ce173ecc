using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ModelBuild.Tasks;

/// <summary>
/// A small JSON reader for the converter's signature file. The task assembly cannot take a JSON package:
/// MSBuild loads its own System.Text.Json or Newtonsoft.Json into the process and a second copy may lose
/// the load (see the research notes on task isolation), and netstandard2.0 has none built in. Objects become
/// <see cref="Dictionary{TKey,TValue}"/>, arrays <see cref="List{T}"/>, numbers <see cref="double"/>.
/// </summary>
internal sealed class MiniJson
{
    private readonly string _text;
    private int _position;

    private MiniJson(string text) => _text = text;

    /// <exception cref="FormatException">The text is not JSON.</exception>
    public static object? Parse(string text)
    {
        var reader = new MiniJson(text);
        var value = reader.ReadValue();
        reader.SkipWhitespace();
        if (reader._position != text.Length) throw reader.Error("trailing characters");
        return value;
    }

    private object? ReadValue()
    {
        SkipWhitespace();
        if (_position >= _text.Length) throw Error("unexpected end");
        switch (_text[_position])
        {
            case '{': return ReadObject();
            case '[': return ReadArray();
            case '"': return ReadString();
            case 't': return ReadLiteral("true", true);
            case 'f': return ReadLiteral("false", false);
            case 'n': return ReadLiteral("null", null);
            default: return ReadNumber();
        }
    }

    private Dictionary<string, object?> ReadObject()
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        _position++;
        SkipWhitespace();
        if (Peek() == '}')
        {
            _position++;
            return result;
        }
        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"') throw Error("expected a property name");
            var name = ReadString();
            SkipWhitespace();
            if (Peek() != ':') throw Error("expected ':'");
            _position++;
            result[name] = ReadValue();
            SkipWhitespace();
            var c = Peek();
            _position++;
            if (c == '}') return result;
            if (c != ',') throw Error("expected ',' or '}'");
        }
    }

    private List<object?> ReadArray()
    {
        var result = new List<object?>();
        _position++;
        SkipWhitespace();
        if (Peek() == ']')
        {
            _position++;
            return result;
        }
        while (true)
        {
            result.Add(ReadValue());
            SkipWhitespace();
            var c = Peek();
            _position++;
            if (c == ']') return result;
            if (c != ',') throw Error("expected ',' or ']'");
        }
    }

    private string ReadString()
    {
        var text = new StringBuilder();
        _position++;
        while (true)
        {
            if (_position >= _text.Length) throw Error("unterminated string");
            var c = _text[_position++];
            if (c == '"') return text.ToString();
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }
            if (_position >= _text.Length) throw Error("unterminated escape");
            var escape = _text[_position++];
            switch (escape)
            {
                case '"': case '\\': case '/': text.Append(escape); break;
                case 'b': text.Append('\b'); break;
                case 'f': text.Append('\f'); break;
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                case 't': text.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length) throw Error("short \\u escape");
                    text.Append((char)int.Parse(_text.Substring(_position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    _position += 4;
                    break;
                default: throw Error($"unknown escape '\\{escape}'");
            }
        }
    }

    private object? ReadLiteral(string word, object? value)
    {
        if (string.CompareOrdinal(_text, _position, word, 0, word.Length) != 0) throw Error($"expected '{word}'");
        _position += word.Length;
        return value;
    }

    private double ReadNumber()
    {
        int start = _position;
        while (_position < _text.Length && "+-0123456789.eE".IndexOf(_text[_position]) >= 0) _position++;
        if (!double.TryParse(_text.Substring(start, _position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            throw Error("expected a value");
        return value;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private void SkipWhitespace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position])) _position++;
    }

    private FormatException Error(string what) => new($"invalid JSON at character {_position}: {what}");
}
