using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Exporters.Ort;
using ModelBuild.Core.Tests.TestSupport;
using ModelBuild.Core.Verification;

namespace ModelBuild.Core.Tests.Exporters.Ort;

public sealed class OrtWriterTests
{
    private static string Cnn => Path.Combine(AppContext.BaseDirectory, "fixtures", "cnn", "cnn.onnx");

    [Fact]
    public void Write_WhenGivenThePyTorchCnn_WritesAnOrtFileThatOnnxRuntimeRunsLikeTheOnnx()
    {
        using var temp = new TempDirectory();
        var ort = temp.File("cnn.ort");

        var info = OrtWriter.Write(Cnn, ort);

        Assert.Equal("ORTM", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(ort), 4, 4));
        Assert.Matches("^[0-9]+$", info.FormatVersion);
        var comparison = Verifier.CompareModels(ort, Cnn, ToleranceSpec.DefaultFor(Precision.Fp32));
        Assert.True(comparison.Passed, comparison.SummaryLine());
        Assert.True(comparison.Comparisons.All(c => c.Comparison.MaxAbs <= 1e-5));
    }

    [Fact]
    public void Write_WhenTheModelIsNotValidOnnx_ThrowsTargetFailedNamingTheTarget()
    {
        using var temp = new TempDirectory();
        var bad = temp.File("bad.onnx");
        File.WriteAllBytes(bad, [0x08, 0x07, 0x12, 0xff, 0xff]);

        var ex = Assert.Throws<ModelBuildException>(() => OrtWriter.Write(bad, temp.File("bad.ort")));

        Assert.Equal(DiagnosticCode.TargetFailed, ex.Code);
        Assert.StartsWith("target 'ort': ONNX Runtime could not convert the model to ORT format", ex.Message);
        Assert.False(File.Exists(temp.File("bad.ort")));
    }

    [Fact]
    public void Write_WhenTheFileNameDoesNotEndInOrt_Refuses()
    {
        using var temp = new TempDirectory();

        Assert.Throws<ArgumentException>(() => OrtWriter.Write(Cnn, temp.File("cnn.onnx2")));
    }
}
