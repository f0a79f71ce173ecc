namespace ModelBuild.Core.Verification;

/// <summary>
/// The element with the highest tolerance usage (the first NaN/Inf mismatch, or for exact outputs the largest
/// difference): where to look first. Absent when every element is equal.
/// </summary>
public sealed record WorstElement(long FlatIndex, IReadOnlyList<long> Index, double Expected, double Actual);
