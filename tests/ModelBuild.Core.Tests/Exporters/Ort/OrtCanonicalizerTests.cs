using System.Text;
using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Exporters.Ort;
using ModelBuild.Core.Tests.TestSupport;
using ModelBuild.Core.Verification;

namespace ModelBuild.Core.Tests.Exporters.Ort;

/// <summary>
/// The canonical rewrite of ONNX Runtime's .ort file. Within one process ONNX Runtime's hash seed is fixed, so two
/// saves here would agree even without the rewrite; these tests check the rewrite's output itself (key order, layout
/// order, kept model bytes, equal outputs). ProcessTests in the CLI tests compare two separate processes.
/// </summary>
public sealed class OrtCanonicalizerTests
{
    public static TheoryData<string> Models => new() { "cnn/cnn.onnx", "mlp/mlp.onnx" };

    [Theory]
    [MemberData(nameof(Models))]
    public void Canonicalize_WhenGivenOnnxRuntimesFile_KeepsItsModelBytesAndEveryResolverEntry(string model)
    {
        using var temp = new TempDirectory();
        var (unordered, canonical) = Save(temp, model);

        var before = File.ReadAllBytes(unordered);
        var after = File.ReadAllBytes(canonical);
        long tail = before.Length - TailStart(unordered);
        Assert.True(tail > before.Length / 2, $"the model tail is {tail} of {before.Length} bytes");
        Assert.Equal(before[^(int)tail..], after[^(int)tail..]);
        Assert.Equal(Describe(ReadResolver(unordered).Canonical(unordered)), Describe(ReadResolver(canonical)));
        Assert.NotEmpty(ReadResolver(canonical).Ops);
        Assert.Equal(0, after.Length % OrtLayout.MaxAlignment);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Canonicalize_WhenLoadedByOnnxRuntime_GivesBitIdenticalOutputsToOnnxRuntimesOwnFile(string model)
    {
        using var temp = new TempDirectory();
        var (unordered, canonical) = Save(temp, model);

        var comparison = Verifier.CompareModels(canonical, unordered, ToleranceSpec.DefaultFor(Precision.Fp32));

        Assert.True(comparison.Passed, comparison.SummaryLine());
        Assert.NotEmpty(comparison.Comparisons);
        Assert.All(comparison.Comparisons, c => Assert.Equal(0.0, c.Comparison.MaxAbs));
    }

    [Fact]
    public void Canonicalize_WhenGivenItsOwnOutput_WritesTheSameBytes()
    {
        using var temp = new TempDirectory();
        var (_, canonical) = Save(temp, "cnn/cnn.onnx");
        var again = temp.File("again.ort");

        OrtCanonicalizer.Canonicalize(canonical, again);

        Assert.Equal(File.ReadAllBytes(canonical), File.ReadAllBytes(again));
    }

    [Fact]
    public void Canonicalize_LaysOutTheResolverInKeyOrder_SoTheBytesDependOnlyOnTheEntries()
    {
        using var temp = new TempDirectory();
        var (_, canonical) = Save(temp, "cnn/cnn.onnx");
        using var reader = OrtFileReader.Open(canonical);
        var root = OrtFormatInfo.ReadRoot(reader);
        var resolver = reader.Table(reader.Reference(root, OrtLayout.KernelTypeStrResolverField));

        // Keys ascend bytewise (ONNX Runtime binary-searches them) and each table was written in that order: the
        // builder works back to front, so a later-written table sits at a lower offset.
        var ops = Elements(reader, reader.Reference(resolver, OrtKernelTypeStrResolver.OpKernelTypeStrArgsField));
        Assert.True(ops.Count >= 3, $"{ops.Count} operators");
        AssertWrittenInKeyOrder(reader, ops, OrtOpKernelTypeStrArgs.OpIdField);
        foreach (var op in ops)
        {
            var entries = Elements(reader, reader.Reference(reader.Table(op), OrtOpKernelTypeStrArgs.KernelTypeStrArgsField));
            AssertWrittenInKeyOrder(reader, entries, OrtKernelTypeStrArgs.KernelTypeStrField);
        }
    }

    [Fact]
    public void Canonicalize_WhenAnyByteBeforeTheModelIsDamaged_RewritesOrFailsWithTargetFailed_NeverCrashes()
    {
        using var temp = new TempDirectory();
        var (unordered, _) = Save(temp, "cnn/cnn.onnx");
        var original = File.ReadAllBytes(unordered);
        long front = TailStart(unordered);
        var damaged = temp.File("damaged.ort");
        int refused = 0;

        for (int i = 0; i < front; i++)
        {
            var bytes = (byte[])original.Clone();
            bytes[i] ^= 0xA5;
            File.WriteAllBytes(damaged, bytes);
            try
            {
                OrtCanonicalizer.Canonicalize(damaged, temp.File("out.ort"));
            }
            catch (ModelBuildException ex)
            {
                Assert.Equal(DiagnosticCode.TargetFailed, ex.Code);
                Assert.StartsWith("target 'ort': ", ex.Message);
                refused++;
            }
        }

        Assert.True(refused > front / 10, $"only {refused} of {front} damaged files were refused");
    }

    [Fact]
    public void Canonicalize_WhenTheFileIsCutShort_FailsNamingTheFileAndOffset()
    {
        using var temp = new TempDirectory();
        var (unordered, _) = Save(temp, "cnn/cnn.onnx");
        var cut = temp.File("cut.ort");
        File.WriteAllBytes(cut, File.ReadAllBytes(unordered)[..200]);

        var ex = Assert.Throws<ModelBuildException>(() => OrtCanonicalizer.Canonicalize(cut, temp.File("out.ort")));

        Assert.Equal(DiagnosticCode.TargetFailed, ex.Code);
        Assert.Equal(cut, ex.File);
        Assert.Matches("not ORT format at offset [0-9]+", ex.Message);
        Assert.False(File.Exists(temp.File("out.ort")));
    }

    private static (string Unordered, string Canonical) Save(TempDirectory temp, string model)
    {
        var unordered = temp.File("onnxruntime.ort");
        var canonical = temp.File("canonical.ort");
        OrtWriter.SaveUnordered(Path.Combine(AppContext.BaseDirectory, "fixtures", model), unordered);
        OrtCanonicalizer.Canonicalize(unordered, canonical);
        return (unordered, canonical);
    }

    /// <summary>Where the model part starts: the lowest of the model table, its vtable and the version string.</summary>
    private static long TailStart(string path)
    {
        using var reader = OrtFileReader.Open(path);
        var root = OrtFormatInfo.ReadRoot(reader);
        long model = reader.Reference(root, OrtLayout.ModelField);
        return Math.Min(Math.Min(model, reader.Table(model).Vtable), reader.Reference(root, OrtLayout.OrtVersionField));
    }

    private static OrtKernelTypeStrResolver ReadResolver(string path)
    {
        using var reader = OrtFileReader.Open(path);
        var root = OrtFormatInfo.ReadRoot(reader);
        return OrtKernelTypeStrResolverReader.Read(reader, reader.Reference(root, OrtLayout.KernelTypeStrResolverField)).Resolver;
    }

    private static string Describe(OrtKernelTypeStrResolver resolver) => string.Join("\n", resolver.Ops.Select(op =>
        Encoding.UTF8.GetString(op.OpId) + " " + string.Join(" ", op.KernelTypeStrArgs.Select(e =>
            Encoding.UTF8.GetString(e.KernelTypeStr) + "=" + string.Join(",", e.Args.Select(a => $"{a.ArgType}:{a.Index}"))))));

    private static List<long> Elements(OrtFileReader reader, long vector) =>
        Enumerable.Range(0, reader.VectorLength(vector, 4)).Select(i => reader.Follow(vector + 4 + 4L * i)).ToList();

    private static void AssertWrittenInKeyOrder(OrtFileReader reader, List<long> tables, int keyField)
    {
        for (int i = 1; i < tables.Count; i++)
        {
            var previous = reader.StringBytes(reader.Reference(reader.Table(tables[i - 1]), keyField), 4096);
            var current = reader.StringBytes(reader.Reference(reader.Table(tables[i]), keyField), 4096);
            Assert.True(previous.AsSpan().SequenceCompareTo(current) < 0, $"'{Encoding.UTF8.GetString(previous)}' sorts before '{Encoding.UTF8.GetString(current)}'");
            Assert.True(tables[i] < tables[i - 1], $"table {i} at {tables[i]} was written after table {i - 1} at {tables[i - 1]}");
        }
    }
}
