using Microsoft.Build.Utilities;

namespace ModelBuild.Tasks.Tests;

public sealed class ModelBuildConvertTests
{
    [Fact]
    public void CommandLine_WhenAllOptionsAreSet_PassesEachAsOneArgument()
    {
        var asset = new TaskItem("/p/models/net.onnx");
        asset.SetMetadata("OutputDirectory", "/p/obj/modelbuild/Net/");
        asset.SetMetadata("OutputFile", "/p/obj/modelbuild/Net/net.onnx");
        asset.SetMetadata("Targets", "onnx");
        asset.SetMetadata("Inputs", "x: float32[batch,16];m: bool[batch]");
        asset.SetMetadata("Opset", "17");
        asset.SetMetadata("Precision", "fp32");
        asset.SetMetadata("Reference", "/p/models/net.ref.npz");
        asset.SetMetadata("Atol", "1e-4;logits=1e-3");
        var task = new ModelBuildConvert { BuildEngine = new RecordingBuildEngine(), Asset = asset, ConverterPath = "/tools/modelbuild.dll" };

        Assert.Equal(
            "/tools/modelbuild.dll convert /p/models/net.onnx -o /p/obj/modelbuild/Net/net.onnx --targets onnx " +
            "--input \"x: float32[batch,16]\" --input \"m: bool[batch]\" --opset 17 --precision fp32 --reference /p/models/net.ref.npz " +
            "--atol \"1e-4;logits=1e-3\" --report /p/obj/modelbuild/Net/net.report.json",
            task.CommandLine);
    }

    [Fact]
    public void CommandLine_WhenSeveralTargets_NamesTheFolder()
    {
        var asset = new TaskItem("/p/net.onnx");
        asset.SetMetadata("OutputDirectory", "/p/obj/modelbuild/Net/");
        asset.SetMetadata("OutputFile", "/p/obj/modelbuild/Net/net.onnx");
        asset.SetMetadata("Targets", "onnx;ort");
        var task = new ModelBuildConvert { BuildEngine = new RecordingBuildEngine(), Asset = asset, ConverterPath = "/tools/modelbuild.dll" };

        Assert.Equal("/tools/modelbuild.dll convert /p/net.onnx -o /p/obj/modelbuild/Net/ --targets \"onnx,ort\" --report /p/obj/modelbuild/Net/net.report.json", task.CommandLine);
    }

    [Fact]
    public void CommandLine_WhenOpsetIsEmpty_LeavesItToTheConverter()
    {
        // The converter's default keeps an ONNX source's own opset; passing any fixed one rejects other sources (MBLD2002).
        var asset = new TaskItem("/p/net.onnx");
        asset.SetMetadata("OutputDirectory", "/p/obj/modelbuild/Net/");
        asset.SetMetadata("OutputFile", "/p/obj/modelbuild/Net/net.onnx");
        asset.SetMetadata("Targets", "onnx");
        asset.SetMetadata("Opset", "");
        var task = new ModelBuildConvert { BuildEngine = new RecordingBuildEngine(), Asset = asset, ConverterPath = "/tools/modelbuild.dll" };

        Assert.DoesNotContain("--opset", task.CommandLine);
    }

    [Fact]
    public void ItemDefinitionDefaults_DoNotSetOpset()
    {
        var props = System.Xml.Linq.XDocument.Load(Path.Combine(RepositoryRoot(), "build", "ModelBuild.props"));
        Assert.DoesNotContain(props.Descendants(), e => e.Name.LocalName == "Opset");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ModelBuild.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("ModelBuild.sln not found above " + AppContext.BaseDirectory);
    }
}
