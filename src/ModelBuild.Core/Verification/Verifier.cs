using System.Diagnostics;
using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Verification;

/// <summary>
/// The equivalence gate. Problems in the model under test (it does not load or run, outputs missing or
/// differing, NaN/Inf) end up in the <see cref="VerificationReport"/>, so the report always says what was
/// checked; problems of the caller's own inputs (a missing file, an input with unknown rank) throw
/// <see cref="ModelBuildException"/> as everywhere else.
/// </summary>
public static class Verifier
{
    public static VerificationReport Verify(VerificationRequest request)
    {
        var total = Stopwatch.StartNew();
        var issues = new List<VerificationIssue>();
        var sets = new List<SetResult>();
        var unverified = new List<string>();
        string? fingerprint = null;
        double loadMs = 0, runMs = 0, compareMs = 0;
        var kind = request.Reference is null ? ReferenceKind.None : ReferenceKind.File;
        var runner = Open(request.ModelPath, issues);
        if (runner is not null)
        {
            using (runner)
            {
                loadMs = total.Elapsed.TotalMilliseconds;
                if (request.Reference is { } reference)
                {
                    if (CheckContract(runner, reference, issues, unverified))
                        RunAndCompare(runner, reference.Sets, request.Tolerance, issues, sets, ref runMs, ref compareMs);
                }
                else
                {
                    fingerprint = RunSeeded(runner, SeededInputs.Create(runner.Inputs, request.Seed), issues, sets, ref runMs);
                }
            }
        }
        return new VerificationReport(
            request.ReportedPath ?? request.ModelPath, kind, request.Reference?.File, request.Reference is null ? request.Seed : null,
            request.Tolerance, sets, unverified, issues, fingerprint,
            new VerificationTimings(loadMs, runMs, compareMs, total.Elapsed.TotalMilliseconds));
    }

    /// <summary>
    /// Runs <paramref name="baselineOnnx"/> and <paramref name="candidateOnnx"/> on the same inputs (seeded
    /// unless given) and compares every baseline output: how an ORT-optimized or re-exported model is checked
    /// against the model it came from.
    /// </summary>
    public static VerificationReport CompareModels(string candidateOnnx, string baselineOnnx, ToleranceSpec tolerance,
        IReadOnlyList<ReferenceSet>? inputs = null, int seed = 1)
    {
        var total = Stopwatch.StartNew();
        var issues = new List<VerificationIssue>();
        var sets = new List<SetResult>();
        var unverified = new List<string>();
        double loadMs = 0, runMs = 0, compareMs = 0;
        var baseline = Open(baselineOnnx, issues);
        var candidate = baseline is null ? null : Open(candidateOnnx, issues);
        try
        {
            if (baseline is not null && candidate is not null)
            {
                loadMs = total.Elapsed.TotalMilliseconds;
                var feed = inputs ?? SeededInputs.Create(baseline.Inputs, seed);
                // The baseline's outputs become the reference sets the candidate must reproduce.
                var referenceSets = new List<ReferenceSet>(feed.Count);
                foreach (var set in feed)
                {
                    var run = Stopwatch.StartNew();
                    try
                    {
                        referenceSets.Add(set with { Outputs = baseline.Run(set.Inputs) });
                    }
                    catch (ModelBuildException ex) when (ex.Code == DiagnosticCode.RuntimeFailed)
                    {
                        issues.Add(new VerificationIssue(ex.Code, set.Name, null, $"baseline '{baselineOnnx}': {ex.Message}"));
                        break;
                    }
                    runMs += run.Elapsed.TotalMilliseconds;
                }
                if (issues.Count == 0)
                {
                    CheckOutputs(candidate, referenceSets, issues, unverified);
                    RunAndCompare(candidate, referenceSets, tolerance, issues, sets, ref runMs, ref compareMs);
                }
            }
        }
        finally
        {
            candidate?.Dispose();
            baseline?.Dispose();
        }
        return new VerificationReport(
            candidateOnnx, ReferenceKind.Model, baselineOnnx, inputs is null ? seed : null, tolerance, sets, unverified, issues,
            null, new VerificationTimings(loadMs, runMs, compareMs, total.Elapsed.TotalMilliseconds));
    }

    private static OnnxRuntimeRunner? Open(string modelPath, List<VerificationIssue> issues)
    {
        try
        {
            return new OnnxRuntimeRunner(modelPath);
        }
        catch (ModelBuildException ex) when (ex.Code == DiagnosticCode.RuntimeFailed)
        {
            issues.Add(new VerificationIssue(ex.Code, null, null, ex.Message));
            return null;
        }
    }

    /// <summary>Checks the reference's inputs and outputs against the model's; false when the sets cannot be fed.</summary>
    private static bool CheckContract(OnnxRuntimeRunner runner, ReferenceData reference, List<VerificationIssue> issues, List<string> unverified)
    {
        var modelInputs = runner.Inputs.ToDictionary(i => i.Name, StringComparer.Ordinal);
        bool feedable = true;
        foreach (var set in reference.Sets)
        {
            foreach (var input in set.Inputs)
            {
                if (!modelInputs.TryGetValue(input.Name, out var declared))
                {
                    AddOnce(issues, new VerificationIssue(DiagnosticCode.ReferenceInvalid, set.Name, null,
                        $"reference input '{input.Name}' is not an input of the model (model inputs: {Names(runner.Inputs)})"));
                    feedable = false;
                }
                else if (declared.ElementType != input.Data.DataType)
                {
                    AddOnce(issues, new VerificationIssue(DiagnosticCode.ReferenceInvalid, set.Name, null,
                        $"reference input '{input.Name}' is {DataTypes.Name(input.Data.DataType)} but the model takes {DataTypes.Name(declared.ElementType)}"));
                    feedable = false;
                }
            }
            foreach (var missing in runner.Inputs.Where(i => set.Inputs.All(t => t.Name != i.Name)))
            {
                AddOnce(issues, new VerificationIssue(DiagnosticCode.ReferenceInvalid, set.Name, null,
                    $"the model needs input '{missing.Name}' but the reference has no 'input.{missing.Name}'"));
                feedable = false;
            }
        }
        CheckOutputs(runner, reference.Sets, issues, unverified);
        return feedable;
    }

    /// <summary>
    /// Every reference output must exist in the model (MBLD3005). Model outputs the reference lacks are listed as
    /// unverified rather than failed: a golden file may record only the outputs that matter.
    /// </summary>
    private static void CheckOutputs(OnnxRuntimeRunner runner, IReadOnlyList<ReferenceSet> sets, List<VerificationIssue> issues, List<string> unverified)
    {
        var modelOutputs = runner.Outputs.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var referenceOutputs = sets.SelectMany(s => s.Outputs.Select(o => o.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var name in referenceOutputs.Where(n => !modelOutputs.Contains(n)).Order(StringComparer.Ordinal))
        {
            issues.Add(new VerificationIssue(DiagnosticCode.OutputContractMismatch, null, name,
                $"reference output '{name}' is not an output of the model (model outputs: {Names(runner.Outputs)})"));
        }
        unverified.AddRange(runner.Outputs.Select(o => o.Name).Where(n => !referenceOutputs.Contains(n)));
    }

    private static void RunAndCompare(OnnxRuntimeRunner runner, IReadOnlyList<ReferenceSet> referenceSets, ToleranceSpec tolerance,
        List<VerificationIssue> issues, List<SetResult> sets, ref double runMs, ref double compareMs)
    {
        foreach (var set in referenceSets)
        {
            var watch = Stopwatch.StartNew();
            IReadOnlyList<NamedTensor> actual;
            try
            {
                actual = runner.Run(set.Inputs);
            }
            catch (ModelBuildException ex) when (ex.Code == DiagnosticCode.RuntimeFailed)
            {
                issues.Add(new VerificationIssue(ex.Code, set.Name, null, ex.Message));
                return;
            }
            runMs += watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            var byName = actual.ToDictionary(o => o.Name, StringComparer.Ordinal);
            var comparisons = new List<OutputComparison>();
            foreach (var expected in set.Outputs)
            {
                // A missing output is already an issue of the contract check.
                if (byName.TryGetValue(expected.Name, out var got))
                    comparisons.Add(OutputComparer.Compare(expected.Name, expected.Data, got.Data, tolerance.For(expected.Name)));
            }
            compareMs += watch.Elapsed.TotalMilliseconds;
            sets.Add(new SetResult(set.Name, Describe(set.Inputs), Describe(actual), comparisons));
        }
    }

    private static string? RunSeeded(OnnxRuntimeRunner runner, IReadOnlyList<ReferenceSet> seeded, List<VerificationIssue> issues, List<SetResult> sets, ref double runMs)
    {
        var outputs = new List<(string, IReadOnlyList<NamedTensor>)>();
        foreach (var set in seeded)
        {
            var watch = Stopwatch.StartNew();
            IReadOnlyList<NamedTensor> actual;
            try
            {
                actual = runner.Run(set.Inputs);
            }
            catch (ModelBuildException ex) when (ex.Code == DiagnosticCode.RuntimeFailed)
            {
                issues.Add(new VerificationIssue(ex.Code, set.Name, null, ex.Message));
                return null;
            }
            runMs += watch.Elapsed.TotalMilliseconds;
            foreach (var output in actual.Where(o => DataTypes.IsFloatingPoint(o.Data.DataType)))
            {
                var values = TensorElements.ToDoubles(output.Data.ReadAllBytes(), output.Data.DataType);
                int first = Array.FindIndex(values, v => !double.IsFinite(v));
                if (first < 0) continue;
                long count = values.LongCount(v => !double.IsFinite(v));
                issues.Add(new VerificationIssue(DiagnosticCode.NonFiniteOutput, set.Name, output.Name,
                    $"output '{output.Name}' has {count} NaN/Inf of {values.Length} elements on seeded inputs, first {NumberText.Value(values[first])} at {NumberText.Index(TensorElements.Unravel(first, output.Data.Shape))}"));
            }
            sets.Add(new SetResult(set.Name, Describe(set.Inputs), Describe(actual), []));
            outputs.Add((set.Name, actual));
        }
        return OutputFingerprint.Compute(outputs);
    }

    private static void AddOnce(List<VerificationIssue> issues, VerificationIssue issue)
    {
        // The same contract break in every set is one problem; list it once.
        if (!issues.Any(i => i.Code == issue.Code && i.Message == issue.Message)) issues.Add(issue);
    }

    private static IReadOnlyList<string> Describe(IEnumerable<NamedTensor> tensors) =>
        tensors.Select(t => $"{t.Name}: {DataTypes.Name(t.Data.DataType)}{NumberText.Index(t.Data.Shape)}").ToArray();

    private static string Names(IEnumerable<ValueInfo> values) => string.Join(", ", values.Select(v => v.Name));
}
