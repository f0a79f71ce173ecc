using System.Text.RegularExpressions;
using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Exporters.OpenVino;
using ModelBuild.Core.Importers.Onnx;
using ModelBuild.Core.Tests.TestSupport;

namespace ModelBuild.Core.Tests.Exporters.OpenVino;

public sealed class OpenVinoValidatorTests
{
    [Fact]
    public void Check_WhenIrIsWrittenByTheWriter_FindsNothing()
    {
        using var dir = new TempDirectory();
        var xml = Write(dir);

        Assert.Empty(OpenVinoValidator.Check(xml));
    }

    [Fact]
    public void Validate_WhenEdgeStartsAtMissingLayer_ThrowsMbld2305()
    {
        using var dir = new TempDirectory();
        var xml = Write(dir);
        Edit(xml, text => Regex.Replace(text, "<edge from-layer=\"0\"", "<edge from-layer=\"999\"", RegexOptions.None, TimeSpan.FromSeconds(1)));

        var ex = Assert.Throws<ModelBuildException>(() => OpenVinoValidator.Validate(xml));

        Assert.Equal(DiagnosticCode.OpenVinoDanglingEdge, ex.Code);
        Assert.Contains("starts at layer 999, which does not exist", ex.Message);
    }

    [Fact]
    public void Validate_WhenEdgeTargetsMissingPort_ThrowsMbld2305()
    {
        using var dir = new TempDirectory();
        var xml = Write(dir);
        Edit(xml, text => ReplaceFirst(text, "to-port=\"1\"", "to-port=\"7\""));

        var ex = Assert.Throws<ModelBuildException>(() => OpenVinoValidator.Validate(xml));

        Assert.Equal(DiagnosticCode.OpenVinoDanglingEdge, ex.Code);
        Assert.Contains("has no input port 7", ex.Message);
    }

    [Fact]
    public void Validate_WhenConstOffsetRunsPastTheBin_ThrowsMbld2308()
    {
        using var dir = new TempDirectory();
        var xml = Write(dir);
        Edit(xml, text => ReplaceFirst(text, "offset=\"0\"", "offset=\"1000000\""));

        var ex = Assert.Throws<ModelBuildException>(() => OpenVinoValidator.Validate(xml));

        Assert.Equal(DiagnosticCode.OpenVinoConstRange, ex.Code);
        Assert.Contains("runs past the end of the .bin", ex.Message);
    }

    [Fact]
    public void Validate_WhenConstSizeDisagreesWithShape_ThrowsMbld2308()
    {
        using var dir = new TempDirectory();
        var xml = Write(dir);
        // fc1.weight is [32,16] f32 = 2048 bytes.
        Edit(xml, text => ReplaceFirst(text, "size=\"2048\"", "size=\"2044\""));

        var ex = Assert.Throws<ModelBuildException>(() => OpenVinoValidator.Validate(xml));

        Assert.Equal(DiagnosticCode.OpenVinoConstRange, ex.Code);
        Assert.Contains("size 2044 differs from shape [32,16] × 4 bytes = 2048", ex.Message);
    }

    [Fact]
    public void Validate_WhenLayerIdsRepeat_ThrowsMbld2304()
    {
        using var dir = new TempDirectory();
        var xml = Write(dir);
        Edit(xml, text => ReplaceFirst(text, "<layer id=\"1\"", "<layer id=\"0\""));

        var ex = Assert.Throws<ModelBuildException>(() => OpenVinoValidator.Validate(xml));

        Assert.Equal(DiagnosticCode.OpenVinoDuplicateId, ex.Code);
    }

    [Fact]
    public void Validate_WhenAnInputPortLosesItsEdge_ThrowsMbld2306()
    {
        using var dir = new TempDirectory();
        var xml = Write(dir);
        Edit(xml, text => Regex.Replace(text, "\\s*<edge from-layer=\"0\"[^>]*/>", "", RegexOptions.None, TimeSpan.FromSeconds(1)));

        var ex = Assert.Throws<ModelBuildException>(() => OpenVinoValidator.Validate(xml));

        Assert.Equal(DiagnosticCode.OpenVinoInputConnection, ex.Code);
        Assert.Contains("has 0 incoming edges", ex.Message);
    }

    [Fact]
    public void Validate_WhenDimsDifferAlongAnEdge_ThrowsMbld2307()
    {
        using var dir = new TempDirectory();
        var xml = Write(dir);
        // The Result's input port is the last port in the file: [2,8] → [2,9].
        Edit(xml, text =>
        {
            int at = text.LastIndexOf("<dim>8</dim>", StringComparison.Ordinal);
            return text[..at] + "<dim>9</dim>" + text[(at + "<dim>8</dim>".Length)..];
        });

        var ex = Assert.Throws<ModelBuildException>(() => OpenVinoValidator.Validate(xml));

        Assert.Equal(DiagnosticCode.OpenVinoPortMismatch, ex.Code);
    }

    [Fact]
    public void Validate_WhenOpsetVersionIsUnknown_ThrowsMbld2309()
    {
        using var dir = new TempDirectory();
        var xml = Write(dir);
        Edit(xml, text => ReplaceFirst(text, "type=\"ReLU\" version=\"opset1\"", "type=\"ReLU\" version=\"opset99\""));

        var ex = Assert.Throws<ModelBuildException>(() => OpenVinoValidator.Validate(xml));

        Assert.Equal(DiagnosticCode.OpenVinoUnknownOperation, ex.Code);
        Assert.Contains("ReLU/opset99", ex.Message);
    }

    [Fact]
    public void Validate_WhenResultLayersAreGone_ThrowsMbld2306Or2310()
    {
        using var dir = new TempDirectory();
        var xml = Write(dir);
        Edit(xml, text => text.Replace("type=\"Result\"", "type=\"ReLU\"", StringComparison.Ordinal));

        var issues = OpenVinoValidator.Check(xml);

        Assert.Contains(issues, i => i.Code == DiagnosticCode.OpenVinoGraphShape && i.Message.Contains("no Result layer"));
    }

    [Fact]
    public void Validate_WhenXmlIsTruncated_ThrowsMbld2303()
    {
        using var dir = new TempDirectory();
        var xml = Write(dir);
        Edit(xml, text => text[..(text.Length / 2)]);

        var ex = Assert.Throws<ModelBuildException>(() => OpenVinoValidator.Validate(xml));

        Assert.Equal(DiagnosticCode.OpenVinoXmlInvalid, ex.Code);
    }

    private static string Write(TempDirectory dir)
    {
        var xml = dir.File("mlp.xml");
        OpenVinoWriter.Write(OnnxReader.Read(ExporterTestModels.OnnxPath("mlp")), xml);
        return xml;
    }

    private static void Edit(string path, Func<string, string> edit)
    {
        var before = File.ReadAllText(path);
        var after = edit(before);
        Assert.NotEqual(before, after);
        File.WriteAllText(path, after);
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        int at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' not in the IR");
        return text[..at] + replace + text[(at + find.Length)..];
    }
}
