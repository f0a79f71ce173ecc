using System.Diagnostics;
using System.Text.RegularExpressions;
using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Exporters.Onnx;
using ModelBuild.Core.Exporters.OpenVino;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Importers.Onnx;
using ModelBuild.Core.Tests.TestSupport;
using ModelBuild.Core.Verification;
using Xunit.Abstractions;

namespace ModelBuild.Core.Tests.Exporters.OpenVino;

public sealed class OpenVinoWriterTests(ITestOutputHelper output)
{
    private static readonly ToleranceSpec Strict = new(new Tolerance(1e-5, 0));

    public static TheoryData<string> Fixtures() => ExporterTestModels.Fixtures();

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Write_WhenFixtureIsBackTranslated_MatchesSourceOnnxWithin1e5(string fixture)
    {
        using var dir = new TempDirectory();
        var source = ExporterTestModels.OnnxPath(fixture);
        var xml = dir.File(fixture + ".xml");

        OpenVinoWriter.Write(OnnxReader.Read(source), xml);
        OpenVinoValidator.Validate(xml);
        var report = CompareBackTranslation(xml, source, dir, ExporterTestModels.ReferenceInputs(fixture));

        Assert.True(report.Passed, report.SummaryLine());
        output.WriteLine($"{fixture}: max abs diff {report.Comparisons.Max(c => c.Comparison.MaxAbs):E2} over {report.Sets.Count} set(s)");
    }

    [Theory]
    [InlineData("conv_block")]
    [InlineData("encoder_block")]
    [InlineData("slice_block")]
    public void Write_WhenBlockOfMappedOpsIsBackTranslated_MatchesOnnxWithin1e5(string name)
    {
        using var dir = new TempDirectory();
        var model = name switch { "conv_block" => ExporterTestModels.ConvBlock(), "slice_block" => ExporterTestModels.SliceBlock(), _ => ExporterTestModels.EncoderBlock() };
        var source = dir.File(name + ".onnx");
        OnnxWriter.Write(model, source);
        var xml = dir.File(name + ".xml");

        OpenVinoWriter.Write(OnnxReader.Read(source), xml);
        OpenVinoValidator.Validate(xml);
        var report = CompareBackTranslation(xml, source, dir, null);

        Assert.True(report.Passed, report.SummaryLine());
        output.WriteLine($"{name}: max abs diff {report.Comparisons.Max(c => c.Comparison.MaxAbs):E2}");
    }

    [Fact]
    public void Write_WhenCompressingToFp16_StoresHalfWeightsWithDecompressionAndStaysClose()
    {
        using var dir = new TempDirectory();
        var source = ExporterTestModels.OnnxPath("cnn");
        var plain = OpenVinoWriter.Write(OnnxReader.Read(source), dir.File("plain.xml"));
        var xml = dir.File("half.xml");

        var half = OpenVinoWriter.Write(OnnxReader.Read(source), xml, new OpenVinoWriterOptions { CompressWeightsToFp16 = true });
        OpenVinoValidator.Validate(xml);
        var text = File.ReadAllText(xml);
        var report = CompareBackTranslation(xml, source, dir, ExporterTestModels.ReferenceInputs("cnn"), new ToleranceSpec(new Tolerance(1e-2, 1e-2)));

        Assert.Contains("element_type=\"f16\"", text);
        Assert.Contains("<attribute name=\"decompression\" version=\"0\" />", text);
        Assert.True(half.BinLength < plain.BinLength * 0.6, $"{half.BinLength} vs {plain.BinLength}");
        Assert.True(report.Passed, report.SummaryLine());
        output.WriteLine($"cnn fp16: max abs diff {report.Comparisons.Max(c => c.Comparison.MaxAbs):E2}, .bin {half.BinLength} vs {plain.BinLength} bytes");
    }

    [Fact]
    public void Write_WhenWrittenTwice_IsByteIdentical()
    {
        using var dir = new TempDirectory();
        var model = OnnxReader.Read(ExporterTestModels.OnnxPath("cnn"));
        Directory.CreateDirectory(dir.File("a"));
        Directory.CreateDirectory(dir.File("b"));

        OpenVinoWriter.Write(model, dir.File("a/m.xml"));
        OpenVinoWriter.Write(OnnxReader.Read(ExporterTestModels.OnnxPath("cnn")), dir.File("b/m.xml"));

        Assert.Equal(File.ReadAllBytes(dir.File("a/m.xml")), File.ReadAllBytes(dir.File("b/m.xml")));
        Assert.Equal(File.ReadAllBytes(dir.File("a/m.bin")), File.ReadAllBytes(dir.File("b/m.bin")));
        Assert.Equal(["m.bin", "m.xml"], Directory.GetFiles(dir.File("a")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Write_WhenFixtureIsWritten_KeepsIoOrderNamesAndOpsetVersions()
    {
        using var dir = new TempDirectory();
        var xml = dir.File("cnn.xml");

        OpenVinoWriter.Write(OnnxReader.Read(ExporterTestModels.OnnxPath("cnn")), xml);
        var text = File.ReadAllText(xml);

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<net name=\"torch_jit\" version=\"11\">", text);
        Assert.Contains("type=\"Parameter\" version=\"opset1\"", text);
        Assert.Contains("<data shape=\"?,3,16,16\" element_type=\"f32\" />", text);
        Assert.Contains("type=\"Convolution\" version=\"opset1\"", text);
        Assert.Contains("type=\"MaxPool\" version=\"opset8\"", text);
        Assert.True(text.IndexOf("output_0/sink_port_0", StringComparison.Ordinal) < text.IndexOf("output_1/sink_port_0", StringComparison.Ordinal));
        Assert.Contains("names=\"output_0\"", text);
    }

    [Theory]
    [InlineData("NonMaxSuppression")]
    [InlineData("LSTM")]
    public void Write_WhenOperatorHasNoMapping_ThrowsMbld2301NamingOpAndTarget(string op)
    {
        using var dir = new TempDirectory();
        var model = ModelBuilder.Mlp();
        model.Graph.Nodes[2] = new Node(op, ["xwb"], ["output"], "strange");

        var ex = Assert.Throws<ModelBuildException>(() => OpenVinoWriter.Write(model, dir.File("m.xml")));

        Assert.Equal(DiagnosticCode.OpenVinoUnsupportedOperator, ex.Code);
        Assert.Equal($"Operator '{op}' (node 'strange') cannot be converted for target 'openvino'.", ex.Message);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Write_WhenGroupedConvWeightIsNotConstant_ThrowsMbld2302()
    {
        using var dir = new TempDirectory();
        var model = ExporterTestModels.ConvBlock();
        var w = model.Graph.Initializers.Single(i => i.Name == "w");
        model.Graph.Initializers.Remove(w);
        model.Graph.Inputs.Add(new ValueInfo("w", w.Data.DataType, TensorShape.Of([.. w.Data.Shape])));

        var ex = Assert.Throws<ModelBuildException>(() => OpenVinoWriter.Write(model, dir.File("m.xml")));

        Assert.Equal(DiagnosticCode.OpenVinoUnsupportedFeature, ex.Code);
        Assert.Contains("'openvino'", ex.Message);
    }

    [OpenVinoRuntimeFact]
    public void Write_WhenOpenVinoIsInstalled_RealRuntimeLoadsAndCompilesTheIr()
    {
        using var dir = new TempDirectory();
        var xml = dir.File("cnn.xml");
        OpenVinoWriter.Write(OnnxReader.Read(ExporterTestModels.OnnxPath("cnn")), xml);
        var script = "import sys, openvino as ov; c = ov.Core(); m = c.read_model(sys.argv[1]); c.compile_model(m, 'CPU'); print(len(m.outputs))";

        using var process = Process.Start(new ProcessStartInfo(OpenVinoRuntimeFactAttribute.Python!, ["-c", script, xml]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 0, stderr);
        Assert.Equal("2", stdout.Trim());
    }

    internal static VerificationReport CompareBackTranslation(string xml, string sourceOnnx, TempDirectory dir, IReadOnlyList<ReferenceSet>? inputs, ToleranceSpec? tolerance = null)
    {
        var back = OpenVinoBackTranslator.ToOnnx(xml);
        var candidate = dir.File(Path.GetFileNameWithoutExtension(xml) + ".back.onnx");
        OnnxWriter.Write(back, candidate);
        return Verifier.CompareModels(candidate, sourceOnnx, tolerance ?? Strict, inputs);
    }
}
