using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Verification;

/// <summary>
/// Writes <see cref="VerificationReport"/> as schema <c>modelbuild.verification/1</c>. Written by hand with
/// <see cref="Utf8JsonWriter"/> so property order is part of the code, not of reflection; numbers are
/// round-trip invariant; NaN and ±Inf, which JSON lacks, are the strings <c>"NaN"</c>, <c>"Infinity"</c>,
/// <c>"-Infinity"</c> (System.Text.Json's named literals). Everything but <c>timings</c> is deterministic.
/// </summary>
internal static class VerificationReportJson
{
    public static string Write(VerificationReport report)
    {
        using var buffer = new MemoryStream();
        var options = new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            // Paths and messages are for people; keep '≥', quotes and '+' readable instead of \u escapes.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using (var w = new Utf8JsonWriter(buffer, options))
        {
            w.WriteStartObject();
            w.WriteString("schema", VerificationReport.Schema);
            w.WriteString("status", Camel(report.Status.ToString()));
            w.WriteBoolean("passed", report.Passed);
            w.WriteBoolean("nearMiss", report.NearMiss);
            WriteNullableString(w, "code", report.Code?.Id);
            w.WriteNumber("exitCode", (int)report.ExitCode);
            w.WriteString("summary", report.SummaryLine());
            w.WriteString("model", report.ModelPath);
            w.WriteStartArray("targets");
            foreach (var target in report.Targets) WriteTarget(w, target);
            w.WriteEndArray();
            w.WriteStartObject("reference");
            w.WriteString("kind", Camel(report.ReferenceKind.ToString()));
            WriteNullableString(w, "file", report.ReferenceFile);
            w.WriteEndObject();
            if (report.Seed is { } seed) w.WriteNumber("seed", seed);
            else w.WriteNull("seed");
            w.WriteStartObject("onnxRuntime");
            w.WriteString("version", report.OrtVersion);
            w.WriteString("graphOptimization", "disabled");
            w.WriteNumber("intraOpThreads", 1);
            w.WriteEndObject();
            w.WriteStartObject("tolerance");
            WriteTolerance(w, "default", report.Tolerance.Default);
            w.WriteStartObject("overrides");
            foreach (var (name, tol) in report.Tolerance.Overrides) WriteTolerance(w, name, tol);
            w.WriteEndObject();
            w.WriteNumber("nearMissUsage", OutputComparison.NearMissUsage);
            w.WriteEndObject();
            w.WriteStartArray("sets");
            foreach (var set in report.Sets) WriteSet(w, set);
            w.WriteEndArray();
            WriteStrings(w, "unverifiedOutputs", report.UnverifiedOutputs);
            w.WriteStartArray("issues");
            foreach (var issue in report.Issues)
            {
                w.WriteStartObject();
                w.WriteString("code", issue.Code.Id);
                WriteNullableString(w, "set", issue.Set);
                WriteNullableString(w, "output", issue.Output);
                w.WriteString("message", issue.Message);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            WriteNullableString(w, "fingerprint", report.Fingerprint);
            w.WriteStartObject("timings");
            w.WriteNumber("loadMs", Math.Round(report.Timings.LoadMs, 3));
            w.WriteNumber("runMs", Math.Round(report.Timings.RunMs, 3));
            w.WriteNumber("compareMs", Math.Round(report.Timings.CompareMs, 3));
            w.WriteNumber("totalMs", Math.Round(report.Timings.TotalMs, 3));
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteTarget(Utf8JsonWriter w, TargetVerification t)
    {
        w.WriteStartObject();
        w.WriteString("target", t.Target);
        w.WriteString("status", t.StatusName);
        w.WriteString("summary", t.StatusText);
        w.WriteString("detail", t.Detail);
        WriteNullableString(w, "runtime", t.Runtime);
        WriteNullableString(w, "comparedWith", t.ComparedWith);
        WriteDouble(w, "maxAbsDiff", t.MaxAbsDiff);
        WriteNullableString(w, "code", t.Code?.Id);
        WriteStrings(w, "files", t.Files);
        w.WriteStartObject("properties");
        foreach (var (key, value) in t.Properties.OrderBy(p => p.Key, StringComparer.Ordinal)) w.WriteString(key, value);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteSet(Utf8JsonWriter w, SetResult set)
    {
        w.WriteStartObject();
        w.WriteString("name", set.Name);
        WriteStrings(w, "inputs", set.Inputs);
        WriteStrings(w, "outputs", set.Outputs);
        w.WriteStartArray("comparisons");
        foreach (var c in set.Comparisons) WriteComparison(w, c);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteComparison(Utf8JsonWriter w, OutputComparison c)
    {
        w.WriteStartObject();
        w.WriteString("output", c.Name);
        w.WriteString("status", c.NearMiss ? "nearMiss" : c.Passed ? "passed" : "failed");
        w.WriteString("reason", Camel(c.Reason.ToString()));
        WriteNullableString(w, "message", c.Message);
        w.WriteString("dtype", DataTypes.Name(c.ActualDataType));
        w.WriteString("expectedDtype", DataTypes.Name(c.ExpectedDataType));
        WriteLongs(w, "shape", c.ActualShape);
        WriteLongs(w, "expectedShape", c.ExpectedShape);
        w.WriteBoolean("exact", c.Exact);
        WriteTolerance(w, "tolerance", c.Tolerance);
        w.WriteNumber("elements", c.ElementCount);
        w.WriteNumber("mismatches", c.MismatchCount);
        WriteDouble(w, "maxAbs", c.MaxAbs);
        WriteDouble(w, "maxRel", c.MaxRel);
        WriteDouble(w, "meanAbs", c.MeanAbs);
        WriteDouble(w, "cosine", c.Cosine);
        WriteDouble(w, "toleranceUsage", c.ToleranceUsage);
        WriteDouble(w, "minPassingAtol", c.MinPassingAtol);
        WriteDouble(w, "minPassingRtol", c.MinPassingRtol);
        if (c.Worst is { } worst)
        {
            w.WriteStartObject("worst");
            w.WriteNumber("flatIndex", worst.FlatIndex);
            WriteLongs(w, "index", worst.Index);
            WriteDouble(w, "expected", worst.Expected);
            WriteDouble(w, "actual", worst.Actual);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("worst");
        }
        w.WriteEndObject();
    }

    private static void WriteTolerance(Utf8JsonWriter w, string name, Tolerance tol)
    {
        w.WriteStartObject(name);
        WriteDouble(w, "atol", tol.Atol);
        WriteDouble(w, "rtol", tol.Rtol);
        w.WriteEndObject();
    }

    private static void WriteDouble(Utf8JsonWriter w, string name, double? value)
    {
        if (value is not { } v) w.WriteNull(name);
        else if (double.IsNaN(v)) w.WriteString(name, "NaN");
        else if (double.IsPositiveInfinity(v)) w.WriteString(name, "Infinity");
        else if (double.IsNegativeInfinity(v)) w.WriteString(name, "-Infinity");
        else w.WriteNumber(name, v);
    }

    private static void WriteNullableString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static void WriteLongs(Utf8JsonWriter w, string name, IEnumerable<long> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }

    private static string Camel(string pascal) => char.ToLowerInvariant(pascal[0]) + pascal[1..];
}
