namespace ModelBuild.Core.Exporters.TfLite;

/// <summary>
/// Where LiteRT.js was found: Node and a runner folder (<c>run.mjs</c> with <c>node_modules/@litertjs/core</c>),
/// or, when either is missing, what is missing and how to get it.
/// </summary>
public sealed record TfLiteRuntimeLocation(string? Node, string? RunnerFolder, string? Version, string? MissingReason, string? MissingHint)
{
    public bool Found => MissingReason is null;

    /// <summary>The runtime as the report names it: <c>litert.js 2.5.3</c>.</summary>
    public string Runtime => "litert.js " + (Version ?? "?");
}
