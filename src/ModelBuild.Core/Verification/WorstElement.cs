namespace ModelBuild.Core.Verification;

/// <summary>The element with the highest tolerance usage: where to look first.</summary>
public sealed record WorstElement(long FlatIndex, IReadOnlyList<long> Index, double Expected, double Actual);
