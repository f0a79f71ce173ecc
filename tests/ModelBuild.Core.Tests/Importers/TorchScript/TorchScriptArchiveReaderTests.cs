using ModelBuild.Core.Importers.TorchScript;
using ModelBuild.Core.Tensors;
using ModelBuild.Core.Tensors.Numpy;

namespace ModelBuild.Core.Tests.Importers.TorchScript;

/// <summary>The archive reader on real torch.jit.save output: code files, the data.pkl object tree, constants.</summary>
public sealed class TorchScriptArchiveReaderTests
{
    private static string Fixture(string relative) => Path.Combine(RepositoryRoot.Path, "tests", "fixtures", relative);

    [Fact]
    public void Read_WhenTracedArchive_GivesCodeFilesModuleTreeAndVersion()
    {
        var contents = TorchScriptArchiveReader.Read(Fixture("finetune/finetuned.traced.pt"));

        Assert.Contains("code/__torch__.py", contents.CodeFiles.Keys);
        Assert.Contains("code/__torch__/torch/nn/modules/conv.py", contents.CodeFiles.Keys);
        Assert.DoesNotContain(contents.CodeFiles.Keys, k => k.EndsWith(".debug_pkl", StringComparison.Ordinal));
        Assert.StartsWith("__torch__.", contents.Root.TypeName);
        var conv = Assert.IsType<TorchScriptObject>(contents.Root.Attributes["conv"]);
        Assert.Equal("__torch__.torch.nn.modules.conv.Conv2d", conv.TypeName);
        Assert.Equal(false, conv.Attributes["training"]);
        Assert.True(contents.Version > 0);
    }

    [Fact]
    public void Read_WhenTracedArchive_TensorsEqualTheStateDict()
    {
        var contents = TorchScriptArchiveReader.Read(Fixture("finetune/finetuned.traced.pt"));
        var expected = NpzReader.Read(Fixture("finetune/finetuned.npz")).ToDictionary(t => t.Name, t => t.Data);

        foreach (var (name, data) in expected)
        {
            var parts = name.Split('.');
            var owner = (TorchScriptObject)contents.Root.Attributes[parts[0]]!;
            var actual = Assert.IsAssignableFrom<TensorData>(owner.Attributes[parts[1]]);
            Assert.Equal(data.Shape, actual.Shape);
            Assert.Equal(data.ReadAllBytes(), actual.ReadAllBytes());
        }
    }

    [Fact]
    public void Read_WhenSecondTraceOfAClass_KeepsTheMangledTypeNames()
    {
        var contents = TorchScriptArchiveReader.Read(Fixture("finetune/template.traced.pt"));

        Assert.Contains("___torch_mangle_", contents.Root.TypeName);
        Assert.True(TorchScriptProgram.Parse(contents.CodeFiles).Classes.ContainsKey(contents.Root.TypeName), contents.Root.TypeName);
    }

    [Fact]
    public void Read_WhenStateDictFile_RefusesAsNotTorchScript()
    {
        var error = Assert.Throws<ModelBuild.Core.Diagnostics.ModelBuildException>(() => TorchScriptArchiveReader.Read(Fixture("finetune/finetuned.state_dict.pt")));

        Assert.Equal("MBLD2002", error.Code.Id);
    }
}
