namespace ModelBuild.Core.Verification;

/// <summary>One input set: what was fed (<c>name: dtype[dims]</c>) and each output's comparison.</summary>
public sealed record SetResult(string Name, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs, IReadOnlyList<OutputComparison> Comparisons);
