using ModelBuild.Tasks.Locking;

namespace ModelBuild.Tasks.Tests.Locking;

public sealed class ModelLockFormatTests
{
    private static ModelLockEntry Entry(string source, string artifactHash = "aa")
    {
        var entry = new ModelLockEntry { Source = source, SourceSha256 = "s1", Converter = "0.1.0", OnnxRuntime = "1.31.1", VerificationStatus = "passed", VerificationSummary = "1 output \"ok\"" };
        entry.Options["targets"] = "onnx";
        entry.Options["opset"] = "17";
        entry.Artifacts["net.onnx"] = new LockedArtifact("onnx", artifactHash, 42);
        return entry;
    }

    [Fact]
    public void Render_WhenParsedBack_GivesTheSameBytes()
    {
        var text = ModelLockFormat.Render([Entry("models/b.onnx"), Entry("models/a.onnx")]);

        var parsed = ModelLockFormat.Parse(text);

        Assert.Equal(text, ModelLockFormat.Render(parsed.Values));
        Assert.True(text.IndexOf("models/a.onnx", StringComparison.Ordinal) < text.IndexOf("models/b.onnx", StringComparison.Ordinal));
        Assert.DoesNotContain("\r", text);
    }

    [Fact]
    public void Parse_WhenVersionIsUnknown_Throws()
    {
        Assert.Throws<FormatException>(() => ModelLockFormat.Parse("{\"version\": 99, \"assets\": {}}"));
    }

    [Fact]
    public void Compare_WhenArtifactAndOptionChanged_ReportsBothWithOldAndNewValues()
    {
        var locked = Entry("models/a.onnx");
        var current = Entry("models/a.onnx", artifactHash: "bb");
        current.Options["opset"] = "18";

        var problems = ModelLockComparer.Compare(locked, current).ToArray();

        Assert.Equal(["MBLD4003", "MBLD4004"], problems.Select(p => p.Code.Id));
        Assert.Contains("'17' in the lock, '18' now", problems[0].Message);
    }

    [Fact]
    public void Render_WhenTargetsAreRecorded_KeepsEachTargetsStatusAndFactsThroughAParse()
    {
        var entry = WithOrt(Entry("models/a.onnx"), "cc", 100);

        var text = ModelLockFormat.Render([entry]);
        var parsed = ModelLockFormat.Parse(text)["models/a.onnx"];

        Assert.Equal(text, ModelLockFormat.Render([parsed]));
        Assert.Equal("verified (onnxruntime 1.31.1, max abs diff 0.0e+00 vs the ONNX artifact)", parsed.Targets["ort"].Status);
        Assert.Equal("6", parsed.Targets["ort"].Properties["ortFormatVersion"]);
    }

    [Fact]
    public void Compare_WhenAnOrtArtifactChangesItsBytesButNotItsSize_IsDriftLikeAnyOtherArtifact()
    {
        var locked = WithOrt(Entry("models/a.onnx"), "cc", 100);

        // The .ort is written in canonical order, so its hash is as reproducible as the ONNX artifact's.
        var problems = ModelLockComparer.Compare(locked, WithOrt(Entry("models/a.onnx"), "dd", 100)).ToArray();

        Assert.Equal(["MBLD4004"], problems.Select(p => p.Code.Id));
        Assert.Contains("artifact 'net.ort' (ort) changed: sha256 cc, 100 bytes in the lock; sha256 dd, 100 bytes now", problems[0].Message);
        Assert.Empty(ModelLockComparer.Compare(locked, WithOrt(Entry("models/a.onnx"), "cc", 100)));
    }

    private static ModelLockEntry WithOrt(ModelLockEntry entry, string hash, long size)
    {
        entry.Options["targets"] = "onnx;ort";
        entry.Artifacts["net.ort"] = new LockedArtifact("ort", hash, size);
        var ort = new LockedTarget { Status = "verified (onnxruntime 1.31.1, max abs diff 0.0e+00 vs the ONNX artifact)" };
        ort.Properties["ortFormatVersion"] = "6";
        entry.Targets["ort"] = ort;
        return entry;
    }
}
