using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Exporters.Ort;
using ModelBuild.Core.Tests.TestSupport;

namespace ModelBuild.Core.Tests.Exporters.Ort;

public sealed class OrtFormatInfoTests
{
    [Fact]
    public void Read_WhenWrittenByOnnxRuntime_ReadsTheFormatVersionFromTheRootTable()
    {
        using var temp = new TempDirectory();
        var ort = temp.File("cnn.ort");
        OrtWriter.Write(Path.Combine(AppContext.BaseDirectory, "fixtures", "cnn", "cnn.onnx"), ort);

        // ORT 1.31.1 writes format version "6" (research notes, §6); a new ORT may raise it, never lower it.
        Assert.True(int.Parse(OrtFormatInfo.Read(ort).FormatVersion) >= 6);
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 }, "at least 8 bytes")]
    [InlineData(new byte[] { 8, 0, 0, 0, (byte)'O', (byte)'N', (byte)'N', (byte)'X' }, "identifier 'ORTM'")]
    [InlineData(new byte[] { 0xf0, 0, 0, 0, (byte)'O', (byte)'R', (byte)'T', (byte)'M' }, "past its end")]
    public void Read_WhenTheHeaderIsDamaged_ThrowsNamingOffsetAndExpectation(byte[] bytes, string expected)
    {
        using var temp = new TempDirectory();
        var path = temp.File("bad.ort");
        File.WriteAllBytes(path, bytes);

        var ex = Assert.Throws<ModelBuildException>(() => OrtFormatInfo.Read(path));

        Assert.Equal(DiagnosticCode.TargetFailed, ex.Code);
        Assert.Contains(expected, ex.Message);
    }
}
