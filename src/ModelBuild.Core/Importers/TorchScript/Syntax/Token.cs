namespace ModelBuild.Core.Importers.TorchScript.Syntax;

/// <summary>Kinds of <see cref="Token"/>.</summary>
public enum TokenKind { Name, Int, Float, String, Op, Newline, Indent, Dedent, End }

/// <summary>One token of serialized TorchScript; <see cref="Value"/> holds a literal's parsed value.</summary>
public readonly record struct Token(TokenKind Kind, string Text, int Line, object? Value = null)
{
    public bool Is(string op) => (Kind == TokenKind.Op || Kind == TokenKind.Name) && Text == op;

    public override string ToString() => Kind switch
    {
        TokenKind.Newline => "end of line",
        TokenKind.Indent => "indent",
        TokenKind.Dedent => "dedent",
        TokenKind.End => "end of file",
        _ => $"'{Text}'",
    };
}
