using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Tensors;
using ModelBuild.Core.Verification;

namespace ModelBuild.Core.Tests.Verification;

public class VerifierTests
{
    private static readonly float[] X0 = [1f, 2f, 3f, -1f, 0.5f, 0.25f];
    private static readonly float[] X1 = [0.3f, -0.7f, 0.9f];

    /// <summary>Reference data for the linear model as PyTorch would have recorded it, with an optional edit.</summary>
    internal static ReferenceData LinearReference(Action<float[]>? editLogits0 = null, bool withArgmax = true, long[]? argmax0 = null)
    {
        var arrays = new List<NamedTensor>();
        foreach (var (k, x, batch) in new[] { (0, X0, 2L), (1, X1, 1L) })
        {
            var (logits, relu, argmax) = TestOnnxModels.Linear(x);
            if (k == 0) editLogits0?.Invoke(logits);
            if (k == 0 && argmax0 is not null) argmax = argmax0;
            arrays.Add(new($"set{k}.input.x", TestTensors.F32(x, batch, 3)));
            arrays.Add(new($"set{k}.output.logits", TestTensors.F32(logits, batch, 2)));
            arrays.Add(new($"set{k}.output.relu", TestTensors.F32(relu, batch, 2)));
            if (withArgmax) arrays.Add(new($"set{k}.output.argmax", TestTensors.I64(argmax, batch)));
        }
        return ReferenceData.FromArrays(arrays, "linear.ref.npz");
    }

    internal static VerificationReport VerifyLinear(TempFolder temp, ReferenceData? reference, ToleranceSpec? tolerance = null) =>
        Verifier.Verify(new VerificationRequest(TestOnnxModels.WriteLinear(temp.File("linear.onnx")), reference, tolerance ?? ToleranceSpec.DefaultFor(Precision.Fp32)));

    [Fact]
    public void Verify_WhenOutputsMatchReference_Passes()
    {
        using var temp = new TempFolder();
        var report = VerifyLinear(temp, LinearReference());
        Assert.True(report.Passed, report.SummaryLine());
        Assert.Equal(VerificationStatus.Passed, report.Status);
        Assert.Null(report.Code);
        Assert.Equal(ExitCode.Success, report.ExitCode);
        Assert.Equal(2, report.Sets.Count);
        Assert.Equal(6, report.Comparisons.Count());
        Assert.Empty(report.Issues);
        Assert.Null(report.Fingerprint);
    }

    [Fact]
    public void Verify_WhenOneExpectedOutputPerturbedBy1e2_FailsNamingOutputIndexValuesAndTolerance()
    {
        using var temp = new TempFolder();
        float original = 0;
        var report = VerifyLinear(temp, LinearReference(logits => { original = logits[3]; logits[3] += 1e-2f; }));
        Assert.False(report.Passed);
        Assert.Equal(VerificationStatus.Failed, report.Status);
        Assert.Equal(DiagnosticCode.GateFailed, report.Code);
        Assert.Equal(ExitCode.GateFailed, report.ExitCode);
        var (set, failed) = Assert.Single(report.Comparisons, c => !c.Comparison.Passed);
        Assert.Equal("set0", set);
        Assert.Equal("logits", failed.Name);
        Assert.Equal([1L, 1], failed.Worst!.Index);
        Assert.Equal(3, failed.Worst.FlatIndex);
        Assert.Equal(original + 1e-2f, (float)failed.Worst.Expected);
        Assert.Equal(original, (float)failed.Worst.Actual, 5);
        Assert.InRange(failed.MinPassingAtol!.Value, 0.0098, 0.0101);
        var line = report.SummaryLine();
        Assert.StartsWith("output 'logits' in set0 differs: max abs 1.0e-02 at [1,1]", line);
        // 1e-2 minus rtol·|expected| (1e-4·1.685), rounded up so the hint really passes.
        Assert.EndsWith("; passes with atol ≥ 9.9e-03", line);
    }

    [Fact]
    public void Verify_WhenPerOutputOverrideCoversDifference_Passes()
    {
        using var temp = new TempFolder();
        var reference = LinearReference(logits => logits[3] += 1e-2f);
        var report = VerifyLinear(temp, reference, ToleranceSpec.Parse("logits=2e-2", null, Precision.Fp32));
        Assert.True(report.Passed, report.SummaryLine());
        // relu of the same element is not perturbed and still checked at the default.
        Assert.Equal(1e-5, report.Comparisons.First(c => c.Comparison.Name == "relu").Comparison.Tolerance.Atol);
    }

    [Fact]
    public void Verify_WhenOverrideNamesAnotherOutput_StillFails()
    {
        using var temp = new TempFolder();
        var report = VerifyLinear(temp, LinearReference(logits => logits[3] += 1e-2f), ToleranceSpec.Parse("relu=1", null, Precision.Fp32));
        Assert.False(report.Passed);
    }

    [Fact]
    public void Verify_WhenIntegerOutputOffByOne_FailsExactMatch()
    {
        using var temp = new TempFolder();
        var (_, _, argmax) = TestOnnxModels.Linear(X0);
        var wrong = argmax.Select(v => 1 - v).ToArray();
        var report = VerifyLinear(temp, LinearReference(argmax0: wrong), ToleranceSpec.Parse("1", "1", Precision.Fp32));
        Assert.False(report.Passed);
        var (_, failed) = Assert.Single(report.Comparisons, c => !c.Comparison.Passed);
        Assert.Equal("argmax", failed.Name);
        Assert.Contains("must match exactly", report.SummaryLine());
    }

    [Fact]
    public void Verify_WhenReferenceExpectsNaNModelDoesNotProduce_FailsNonFinite()
    {
        using var temp = new TempFolder();
        var report = VerifyLinear(temp, LinearReference(logits => logits[0] = float.NaN));
        Assert.False(report.Passed);
        Assert.Equal(DiagnosticCode.NonFiniteOutput, report.Code);
        Assert.Contains("NaN/Inf", report.SummaryLine());
    }

    [Fact]
    public void Verify_WhenReferenceOutputMissingFromModel_FailsOutputContract()
    {
        using var temp = new TempFolder();
        var (logits, _, _) = TestOnnxModels.Linear(X1);
        var reference = ReferenceData.FromArrays(
            [new("input.x", TestTensors.F32(X1, 1, 3)), new("output.logits", TestTensors.F32(logits, 1, 2)), new("output.scores", TestTensors.F32([0f], 1))],
            "r.npz");
        var report = VerifyLinear(temp, reference);
        Assert.False(report.Passed);
        Assert.Equal(DiagnosticCode.OutputContractMismatch, report.Code);
        Assert.Contains(report.Issues, i => i.Output == "scores" && i.Code == DiagnosticCode.OutputContractMismatch);
        Assert.Equal(["relu", "argmax"], report.UnverifiedOutputs);
        Assert.Contains("'scores'", report.SummaryLine());
    }

    [Fact]
    public void Verify_WhenReferenceOutputHasOtherDtype_FailsOutputContract()
    {
        using var temp = new TempFolder();
        var (logits, _, _) = TestOnnxModels.Linear(X1);
        var reference = ReferenceData.FromArrays(
            [new("input.x", TestTensors.F32(X1, 1, 3)), new("output.logits", TestTensors.F64(logits.Select(v => (double)v).ToArray(), 1, 2))], "r.npz");
        var report = VerifyLinear(temp, reference);
        Assert.Equal(DiagnosticCode.OutputContractMismatch, report.Code);
        Assert.Equal(MismatchReason.DataType, report.Comparisons.Single().Comparison.Reason);
    }

    [Fact]
    public void Verify_WhenReferenceLacksModelInput_FailsReferenceInvalid()
    {
        using var temp = new TempFolder();
        var reference = ReferenceData.FromArrays([new("input.y", TestTensors.F32(X1, 1, 3)), new("output.logits", TestTensors.F32([0f, 0f], 1, 2))], "r.npz");
        var report = VerifyLinear(temp, reference);
        Assert.False(report.Passed);
        Assert.Equal(DiagnosticCode.ReferenceInvalid, report.Code);
        Assert.Equal(ExitCode.InvalidInput, report.ExitCode);
        Assert.Empty(report.Sets);
    }

    [Fact]
    public void Verify_WhenModelCannotLoad_FailsRuntimeFailed()
    {
        using var temp = new TempFolder();
        var path = temp.File("bad.onnx");
        File.WriteAllText(path, "not a model");
        var report = Verifier.Verify(new VerificationRequest(path, null, ToleranceSpec.DefaultFor(Precision.Fp32)));
        Assert.Equal(VerificationStatus.Failed, report.Status);
        Assert.Equal(DiagnosticCode.RuntimeFailed, report.Code);
    }

    [Fact]
    public void Verify_WhenNoReference_RunsSeededSetsAndSaysNotChecked()
    {
        using var temp = new TempFolder();
        var report = VerifyLinear(temp, null);
        Assert.Equal(VerificationStatus.NotChecked, report.Status);
        Assert.False(report.Passed);
        Assert.Equal(DiagnosticCode.NoReference, report.Code);
        Assert.Equal(ExitCode.Success, report.ExitCode);
        Assert.Equal(3, report.Sets.Count);
        Assert.Equal(["logits: float32[1,2]", "relu: float32[1,2]", "argmax: int64[1]"], report.Sets[0].Outputs);
        Assert.Equal("x: float32[3,3]", report.Sets[2].Inputs.Single());
        Assert.StartsWith("sha256:", report.Fingerprint);
        Assert.Contains("NOT checked", report.SummaryLine());
    }

    [Fact]
    public void Verify_WhenNoReferenceTwice_GivesSameFingerprint()
    {
        using var temp = new TempFolder();
        var first = VerifyLinear(temp, null).Fingerprint;
        Assert.Equal(first, VerifyLinear(temp, null).Fingerprint);
        var other = Verifier.Verify(new VerificationRequest(temp.File("linear.onnx"), null, ToleranceSpec.DefaultFor(Precision.Fp32)) { Seed = 7 });
        Assert.NotEqual(first, other.Fingerprint);
    }

    [Fact]
    public void Verify_WhenSeededOutputHasNaN_FailsNonFinite()
    {
        using var temp = new TempFolder();
        var report = Verifier.Verify(new VerificationRequest(TestOnnxModels.WriteSqrt(temp.File("sqrt.onnx")), null, ToleranceSpec.DefaultFor(Precision.Fp32)));
        Assert.Equal(VerificationStatus.Failed, report.Status);
        Assert.Equal(DiagnosticCode.NonFiniteOutput, report.Code);
        Assert.Equal(ExitCode.GateFailed, report.ExitCode);
        var issue = report.Issues.First();
        Assert.Equal("y", issue.Output);
        Assert.Contains("NaN", issue.Message);
    }

    [Fact]
    public void Verify_WhenSeededModelHasUnknownDim_RunsIt()
    {
        using var temp = new TempFolder();
        var report = Verifier.Verify(new VerificationRequest(TestOnnxModels.WriteTwoInputs(temp.File("two.onnx")), null, ToleranceSpec.DefaultFor(Precision.Fp32)));
        Assert.Equal(VerificationStatus.NotChecked, report.Status);
        Assert.Equal(["x: float32[2,2]", "ids: int64[2]"], report.Sets[1].Inputs);
    }

    [Fact]
    public void Verify_WhenOutputUsesMoreThanHalfItsTolerance_PassesAsNearMiss()
    {
        using var temp = new TempFolder();
        // 7e-4 on logits[3] (|e| ≈ 1.3) against atol 1e-3 + rtol 1e-4·|e| is a usage of about 0.6.
        var report = VerifyLinear(temp, LinearReference(logits => logits[3] += 7e-4f), ToleranceSpec.Parse("1e-3", null, Precision.Fp32));
        Assert.True(report.Passed, report.SummaryLine());
        Assert.True(report.NearMiss);
        Assert.Equal(DiagnosticCode.NearMiss, report.Code);
        Assert.Equal(ExitCode.Success, report.ExitCode);
        Assert.Contains("output 'logits' in set0 uses", report.SummaryLine());
    }

    [Fact]
    public void CompareModels_WhenSameModel_Passes()
    {
        using var temp = new TempFolder();
        var path = TestOnnxModels.WriteLinear(temp.File("a.onnx"));
        var report = Verifier.CompareModels(path, path, ToleranceSpec.DefaultFor(Precision.Fp32));
        Assert.True(report.Passed, report.SummaryLine());
        Assert.Equal(ReferenceKind.Model, report.ReferenceKind);
        Assert.Equal(9, report.Comparisons.Count());
        Assert.All(report.Comparisons, c => Assert.Equal(0, c.Comparison.MaxAbs));
    }

    [Fact]
    public void CompareModels_WhenCandidateComputesSomethingElse_Fails()
    {
        using var temp = new TempFolder();
        var linear = TestOnnxModels.WriteLinear(temp.File("a.onnx"));
        var identity = TestOnnxModels.WriteIdentity(temp.File("b.onnx"), DataType.Float32);
        var report = Verifier.CompareModels(identity, linear, ToleranceSpec.DefaultFor(Precision.Fp32));
        Assert.False(report.Passed);
    }
}
