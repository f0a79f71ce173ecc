using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Verification;

/// <summary>
/// Compares one output with its reference by DESIGN's rule: an element passes when
/// <c>|a − e| ≤ atol + rtol·|e|</c>, computed in float64; NaN must meet NaN, ±Inf the same infinity, and an
/// extra NaN/Inf fails whatever the tolerance. Integer and bool outputs must be equal.
/// </summary>
public static class OutputComparer
{
    public static OutputComparison Compare(string name, TensorData expected, TensorData actual, Tolerance tol)
    {
        var baseline = new OutputComparison
        {
            Name = name,
            Passed = false,
            Reason = MismatchReason.None,
            ExpectedDataType = expected.DataType,
            ActualDataType = actual.DataType,
            ExpectedShape = expected.Shape.ToArray(),
            ActualShape = actual.Shape.ToArray(),
            Tolerance = tol,
            Exact = !DataTypes.IsFloatingPoint(expected.DataType),
            ElementCount = expected.ElementCount,
        };
        if (expected.DataType != actual.DataType)
        {
            return baseline with
            {
                Reason = MismatchReason.DataType,
                ToleranceUsage = double.PositiveInfinity,
                Message = $"output '{name}' is {DataTypes.Name(actual.DataType)} but the reference is {DataTypes.Name(expected.DataType)}",
            };
        }
        if (!expected.Shape.SequenceEqual(actual.Shape))
        {
            return baseline with
            {
                Reason = MismatchReason.Shape,
                ToleranceUsage = double.PositiveInfinity,
                Message = $"output '{name}' has shape {NumberText.Index(actual.Shape)} but the reference has {NumberText.Index(expected.Shape)}",
            };
        }
        if (!TensorElements.IsSupported(expected.DataType))
        {
            return baseline with
            {
                Reason = MismatchReason.Unsupported,
                ToleranceUsage = double.PositiveInfinity,
                Message = $"output '{name}' is {DataTypes.Name(expected.DataType)}, which the comparer cannot compare",
            };
        }
        var e = expected.ReadAllBytes();
        var a = actual.ReadAllBytes();
        return baseline.Exact ? CompareExact(baseline, e, a) : CompareFloat(baseline, e, a);
    }

    private static OutputComparison CompareFloat(OutputComparison result, byte[] expectedBytes, byte[] actualBytes)
    {
        var type = result.ExpectedDataType;
        var e = TensorElements.ToDoubles(expectedBytes, type);
        var a = TensorElements.ToDoubles(actualBytes, type);
        var tol = result.Tolerance;
        long mismatches = 0, nonFiniteMismatches = 0, finitePairs = 0;
        double maxAbs = 0, maxRel = 0, sumAbs = 0, dot = 0, normE = 0, normA = 0, usage = 0;
        double minAtol = 0, minRtol = 0;
        long worst = -1, firstNonFinite = -1;
        double worstUsage = -1;
        for (long i = 0; i < e.Length; i++)
        {
            double ev = e[i], av = a[i];
            if (!double.IsFinite(ev) || !double.IsFinite(av))
            {
                // NaN meets NaN, an infinity the same infinity; any other pairing fails whatever the tolerance.
                bool same = (double.IsNaN(ev) && double.IsNaN(av)) || (double.IsInfinity(ev) && ev == av);
                if (!same)
                {
                    mismatches++;
                    nonFiniteMismatches++;
                    if (firstNonFinite < 0) firstNonFinite = i;
                }
                continue;
            }
            finitePairs++;
            double diff = Math.Abs(av - ev);
            double absE = Math.Abs(ev);
            double allowed = tol.Allowed(ev);
            double u = diff == 0 ? 0 : allowed == 0 ? double.PositiveInfinity : diff / allowed;
            if (diff > allowed) mismatches++;
            maxAbs = Math.Max(maxAbs, diff);
            maxRel = Math.Max(maxRel, diff / (absE + OutputComparison.RelativeEpsilon));
            sumAbs += diff;
            dot += ev * av;
            normE += ev * ev;
            normA += av * av;
            minAtol = Math.Max(minAtol, diff - tol.Rtol * absE);
            // The rtol that makes this element pass; none does when |e| is 0 and the error exceeds atol.
            if (diff > tol.Atol) minRtol = Math.Max(minRtol, absE == 0 ? double.PositiveInfinity : (diff - tol.Atol) / absE);
            if (u > worstUsage)
            {
                worstUsage = u;
                worst = i;
            }
            usage = Math.Max(usage, u);
        }
        if (nonFiniteMismatches > 0)
        {
            worst = firstNonFinite;
            usage = double.PositiveInfinity;
        }
        var shape = result.ExpectedShape;
        // An output without any difference has no worst element worth pointing at.
        var worstElement = worst < 0 || usage == 0 ? null : new WorstElement(worst, TensorElements.Unravel(worst, shape), e[worst], a[worst]);
        bool passed = mismatches == 0;
        var reason = passed ? MismatchReason.None : nonFiniteMismatches > 0 ? MismatchReason.NonFinite : MismatchReason.Values;
        return result with
        {
            Passed = passed,
            Reason = reason,
            MismatchCount = mismatches,
            MaxAbs = maxAbs,
            MaxRel = maxRel,
            MeanAbs = finitePairs == 0 ? 0 : sumAbs / finitePairs,
            Cosine = Cosine(dot, normE, normA),
            ToleranceUsage = usage,
            MinPassingAtol = nonFiniteMismatches > 0 ? null : minAtol,
            MinPassingRtol = nonFiniteMismatches > 0 || double.IsInfinity(minRtol) ? null : minRtol,
            Worst = worstElement,
            Message = passed ? null : FailureMessage(result.Name, reason, mismatches, e.Length, worstElement, maxAbs),
        };
    }

    private static OutputComparison CompareExact(OutputComparison result, byte[] expectedBytes, byte[] actualBytes)
    {
        var type = result.ExpectedDataType;
        var e = TensorElements.ToInt64s(expectedBytes, type);
        var a = TensorElements.ToInt64s(actualBytes, type);
        var ed = TensorElements.ToDoubles(expectedBytes, type);
        var ad = TensorElements.ToDoubles(actualBytes, type);
        long mismatches = 0, worst = -1;
        double maxAbs = 0, maxRel = 0, sumAbs = 0, dot = 0, normE = 0, normA = 0;
        for (long i = 0; i < e.Length; i++)
        {
            double diff = Math.Abs(ad[i] - ed[i]);
            if (e[i] != a[i])
            {
                mismatches++;
                // The largest difference is the most telling; the first one wins ties.
                if (worst < 0 || diff > Math.Abs(ad[worst] - ed[worst])) worst = i;
            }
            maxAbs = Math.Max(maxAbs, diff);
            maxRel = Math.Max(maxRel, diff / (Math.Abs(ed[i]) + OutputComparison.RelativeEpsilon));
            sumAbs += diff;
            dot += ed[i] * ad[i];
            normE += ed[i] * ed[i];
            normA += ad[i] * ad[i];
        }
        var worstElement = worst < 0 ? null : new WorstElement(worst, TensorElements.Unravel(worst, result.ExpectedShape), ed[worst], ad[worst]);
        bool passed = mismatches == 0;
        return result with
        {
            Passed = passed,
            Reason = passed ? MismatchReason.None : MismatchReason.Values,
            MismatchCount = mismatches,
            MaxAbs = maxAbs,
            MaxRel = maxRel,
            MeanAbs = e.Length == 0 ? 0 : sumAbs / e.Length,
            Cosine = Cosine(dot, normE, normA),
            // Exact outputs have no partial credit: usage is 0 or infinite, and no tolerance makes them pass.
            ToleranceUsage = passed ? 0 : double.PositiveInfinity,
            MinPassingAtol = null,
            MinPassingRtol = null,
            Worst = worstElement,
            Message = passed ? null : FailureMessage(result.Name, MismatchReason.Values, mismatches, e.Length, worstElement, maxAbs, exact: true),
        };
    }

    private static double Cosine(double dot, double normE, double normA)
    {
        if (normE == 0 && normA == 0) return 1;
        if (normE == 0 || normA == 0) return 0;
        return dot / (Math.Sqrt(normE) * Math.Sqrt(normA));
    }

    private static string FailureMessage(string name, MismatchReason reason, long mismatches, long total, WorstElement? worst, double maxAbs, bool exact = false)
    {
        var where = worst is null ? "" :
            $" at {NumberText.Index(worst.Index)} (expected {NumberText.Value(worst.Expected)}, got {NumberText.Value(worst.Actual)})";
        return reason == MismatchReason.NonFinite
            ? $"output '{name}' has NaN/Inf where the reference does not (or the reverse){where}; {mismatches} of {total} elements differ"
            : exact
                ? $"output '{name}' must match exactly but {mismatches} of {total} elements differ{where}"
                : $"output '{name}' differs: max abs {NumberText.Short(maxAbs)}{where}; {mismatches} of {total} elements beyond tolerance";
    }
}
