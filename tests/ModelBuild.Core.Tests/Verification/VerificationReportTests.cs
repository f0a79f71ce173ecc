using System.Text.Json;
using ModelBuild.Core.Verification;

namespace ModelBuild.Core.Tests.Verification;

public class VerificationReportTests
{
    [Fact]
    public void ToJson_WhenFailed_HasSchemaVerdictAndWorstElement()
    {
        using var temp = new TempFolder();
        var report = VerifierTests.VerifyLinear(temp, VerifierTests.LinearReference(l => l[3] += 1e-2f), ToleranceSpec.Parse(null, "relu=1e-3", Precision.Fp32));
        using var json = JsonDocument.Parse(report.ToJson());
        var root = json.RootElement;
        Assert.Equal("modelbuild.verification/1", root.GetProperty("schema").GetString());
        Assert.Equal("failed", root.GetProperty("status").GetString());
        Assert.False(root.GetProperty("passed").GetBoolean());
        Assert.Equal("MBLD3001", root.GetProperty("code").GetString());
        Assert.Equal(1, root.GetProperty("exitCode").GetInt32());
        Assert.Equal("file", root.GetProperty("reference").GetProperty("kind").GetString());
        Assert.Equal("linear.ref.npz", root.GetProperty("reference").GetProperty("file").GetString());
        Assert.Equal(1e-3, root.GetProperty("tolerance").GetProperty("overrides").GetProperty("relu").GetProperty("rtol").GetDouble());
        Assert.Equal("1.31.1", root.GetProperty("onnxRuntime").GetProperty("version").GetString());
        var logits = root.GetProperty("sets")[0].GetProperty("comparisons")[0];
        Assert.Equal("logits", logits.GetProperty("output").GetString());
        Assert.Equal("failed", logits.GetProperty("status").GetString());
        Assert.Equal("values", logits.GetProperty("reason").GetString());
        Assert.Equal(3, logits.GetProperty("worst").GetProperty("flatIndex").GetInt64());
        Assert.Equal([1L, 1], logits.GetProperty("worst").GetProperty("index").EnumerateArray().Select(e => e.GetInt64()));
        Assert.InRange(logits.GetProperty("minPassingAtol").GetDouble(), 0.0098, 0.0101);
        Assert.Equal(1, logits.GetProperty("mismatches").GetInt64());
        var argmax = root.GetProperty("sets")[0].GetProperty("comparisons")[2];
        Assert.True(argmax.GetProperty("exact").GetBoolean());
        Assert.Equal(JsonValueKind.Null, argmax.GetProperty("minPassingAtol").ValueKind);
    }

    [Fact]
    public void ToJson_WhenRunTwice_DiffersOnlyInTimings()
    {
        using var temp = new TempFolder();
        string Strip(string json)
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
            node.Remove("timings");
            return node.ToJsonString();
        }
        var a = VerifierTests.VerifyLinear(temp, null).ToJson();
        var b = VerifierTests.VerifyLinear(temp, null).ToJson();
        Assert.Equal(Strip(a), Strip(b));
        var keys = JsonDocument.Parse(a).RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["schema", "status", "passed", "nearMiss", "code", "exitCode", "summary", "model", "targets", "reference", "seed", "onnxRuntime",
            "tolerance", "sets", "unverifiedOutputs", "issues", "fingerprint", "timings"], keys);
        Assert.DoesNotContain("\r", a);
    }

    [Fact]
    public void WithTargets_WhenEachStatusIsPresent_WritesThemToJsonAndMarkdownNeverAsPlainOk()
    {
        using var temp = new TempFolder();
        var report = VerifierTests.VerifyLinear(temp, null).WithTargets(
        [
            new TargetVerification("onnx", TargetStatus.Verified, "match") { Runtime = "onnxruntime 1.31.1", MaxAbsDiff = 1.5e-7, Files = ["m.onnx"] },
            new TargetVerification("openvino", TargetStatus.StructurallyChecked, "IR v11 validator passed") { Files = ["m.xml", "m.bin"] },
            new TargetVerification("tensorrt", TargetStatus.NotChecked, "trtexec not found") { Code = ModelBuild.Core.Diagnostics.DiagnosticCode.TargetToolMissing },
            new TargetVerification("ort", TargetStatus.Failed, "boom") { Code = ModelBuild.Core.Diagnostics.DiagnosticCode.TargetFailed },
        ]);

        var targets = JsonDocument.Parse(report.ToJson()).RootElement.GetProperty("targets");
        Assert.Equal(["verified", "structurallyChecked", "notChecked", "failed"], targets.EnumerateArray().Select(t => t.GetProperty("status").GetString()));
        Assert.Equal("verified (onnxruntime 1.31.1, max abs diff 1.5e-07)", targets[0].GetProperty("summary").GetString());
        Assert.Equal("MBLD1007", targets[2].GetProperty("code").GetString());
        var md = report.ToMarkdown();
        Assert.Contains("| openvino | structurally checked (IR v11 validator passed) | m.xml, m.bin |", md);
        Assert.Contains("| tensorrt | not checked (trtexec not found) | — |", md);
        Assert.Contains("| ort | failed (MBLD2103: boom) | — |", md);
    }

    [Fact]
    public void ToJson_WhenNonFiniteValues_WritesNamedLiterals()
    {
        using var temp = new TempFolder();
        var report = VerifierTests.VerifyLinear(temp, VerifierTests.LinearReference(l => l[0] = float.NaN));
        var json = report.ToJson();
        using var doc = JsonDocument.Parse(json);
        var logits = doc.RootElement.GetProperty("sets")[0].GetProperty("comparisons")[0];
        Assert.Equal("NaN", logits.GetProperty("worst").GetProperty("expected").GetString());
        Assert.Equal("Infinity", logits.GetProperty("toleranceUsage").GetString());
        Assert.Equal("nonFinite", logits.GetProperty("reason").GetString());
    }

    [Fact]
    public void ToMarkdown_WhenFailed_StartsWithVerdictAndGivesTableAndHint()
    {
        using var temp = new TempFolder();
        var report = VerifierTests.VerifyLinear(temp, VerifierTests.LinearReference(l => l[3] += 1e-2f));
        var md = report.ToMarkdown();
        var lines = md.Split('\n');
        Assert.StartsWith("**FAILED** (MBLD3001): output 'logits' in set0 differs", lines[0]);
        Assert.Contains("| set | output | status | max abs | max rel | cosine | mismatches |", md);
        Assert.Contains(lines, l => l.StartsWith("| set0 | logits | **FAIL** (values) | 1.0e-02 |") && l.Contains("1/4") && l.Contains("[1,1] 1.685 → 1.675"));
        Assert.Contains(lines, l => l.StartsWith("| set1 | relu | pass |"));
        Assert.Contains("passes with `--atol 9.9e-03`, or add `logits=9.9e-03` to `Atol`", md);
        Assert.Contains("Tolerance: atol 1.0e-05, rtol 1.0e-04", md);
        Assert.Contains("Reference: `linear.ref.npz`", md);
        Assert.Contains("ONNX Runtime 1.31.1", md);
    }

    [Fact]
    public void ToMarkdown_WhenNoReference_SaysEquivalenceNotChecked()
    {
        using var temp = new TempFolder();
        var md = VerifierTests.VerifyLinear(temp, null).ToMarkdown();
        Assert.StartsWith("**NOT CHECKED** (MBLD3003): no reference data", md);
        Assert.Contains("equivalence with the source was **not** checked", md);
        Assert.Contains("Output fingerprint: `sha256:", md);
    }

    [Fact]
    public void ToMarkdown_WhenPassed_StartsWithPassed()
    {
        using var temp = new TempFolder();
        var md = VerifierTests.VerifyLinear(temp, VerifierTests.LinearReference()).ToMarkdown();
        Assert.StartsWith("**PASSED**: 3 outputs × 2 sets match within tolerance", md);
        Assert.DoesNotContain("**Fix:**", md);
    }
}
