namespace ModelBuild.Core.Tests.Exporters.TfLite;

/// <summary>A fact that needs LiteRT.js; skipped, with the reason, when node or the npm package is missing.</summary>
public sealed class TfLiteRuntimeFactAttribute : FactAttribute
{
    public TfLiteRuntimeFactAttribute()
    {
        if (TfLiteRuntimeCheck.UnavailableReason is { } reason) Skip = reason;
    }
}

/// <summary>A theory that needs LiteRT.js; skipped, with the reason, when node or the npm package is missing.</summary>
public sealed class TfLiteRuntimeTheoryAttribute : TheoryAttribute
{
    public TfLiteRuntimeTheoryAttribute()
    {
        if (TfLiteRuntimeCheck.UnavailableReason is { } reason) Skip = reason;
    }
}
