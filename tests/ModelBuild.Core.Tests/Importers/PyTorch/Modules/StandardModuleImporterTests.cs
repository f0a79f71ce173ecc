using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Importers.PyTorch;
using ModelBuild.Core.Importers.PyTorch.Modules;

namespace ModelBuild.Core.Tests.Importers.PyTorch.Modules;

public sealed class StandardModuleImporterTests
{
    [Theory]
    [InlineData("mlp", "x: float32[batch,8]")]
    [InlineData("cnn", "x: float32[batch,3,8,8]")]
    [InlineData("nested", "x: float32[batch,4,6]")]
    [InlineData("seq1d", "x: float32[batch,4,16]")]
    public void Import_WhenModelIsMadeOfStandardClasses_MatchesPyTorchAtBatch2And3(string fixture, string input)
    {
        var result = ModuleParity.AssertMatchesPyTorch(fixture, input);

        Assert.Equal(17, result.Model.OpsetImports[""]);
    }

    [Fact]
    public void Import_WhenWeightsAreStored_InitializersAreNamedLikeTheStateDictAndStayInTheFile()
    {
        var model = ModuleParity.Import(ModuleParity.Read("cnn"), "x: float32[batch,3,8,8]");

        var weights = model.Graph.Initializers.Where(i => !i.Name.StartsWith('/')).ToArray();
        Assert.Equal(
            ["0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var", "4.weight", "4.bias",
             "5.weight", "5.bias", "5.running_mean", "5.running_var", "9.weight", "9.bias"],
            weights.Select(i => i.Name));
        Assert.All(weights, i => Assert.False(i.Data.IsInMemory, $"{i.Name} was copied into memory"));
        Assert.Equal([8L, 3, 3, 3], weights[0].Data.Shape);
    }

    [Fact]
    public void Import_WhenAClassIsNotStandard_ThrowsMbld2003ListingEveryClassWithItsPath()
    {
        var file = ModuleParity.Read("custom");

        var ex = Assert.Throws<ModelBuildException>(() => ModuleParity.Import(file, "x: float32[batch,4]"));

        Assert.Equal(DiagnosticCode.PyTorchWholeModule, ex.Code);
        Assert.Contains("__main__.Net at '(root)', __main__.Scale at 'features.1'", ex.Message);
        Assert.Contains("torch.jit.trace(model, example).save(...)", ex.Message);
        Assert.Contains("state_dict", ex.Message);
    }

    [Fact]
    public void Import_WhenNoInputIsDeclared_ThrowsMbld1156ShowingTheSyntax()
    {
        var file = ModuleParity.Read("mlp");

        var ex = Assert.Throws<ModelBuildException>(() => StandardModuleImporter.Import(file, []));

        Assert.Equal(DiagnosticCode.ModuleInputRequired, ex.Code);
        Assert.Contains("carries no input shape", ex.Message);
        Assert.Contains("--input \"x: float32[batch,3,224,224]\"", ex.Message);
        Assert.Contains("Inputs=", ex.Message);
    }

    [Fact]
    public void Import_WhenInputSizeDoesNotFit_ThrowsMbld2053NamingTheModule()
    {
        var ex = Assert.Throws<ModelBuildException>(() => ModuleParity.Import(ModuleParity.Read("mlp"), "x: float32[batch,9]"));

        Assert.Equal(DiagnosticCode.ModuleInputMismatch, ex.Code);
        Assert.Equal("module '0' (torch.nn.modules.linear.Linear): the input float32[batch,9] has 9 at dim 1, but the module's in_features is 8", ex.Message);
    }

    [Fact]
    public void Import_WhenAForwardHookIsRegistered_ThrowsMbld2051NamingTheAttribute()
    {
        var file = ModuleParity.Read("ops/relu");
        var hooks = new PickleDict();
        hooks.Set(0L, "a hook");
        State(file).Set("_forward_hooks", hooks);

        var ex = Assert.Throws<ModelBuildException>(() => ModuleParity.Import(file, "x: float32[batch,3,5]"));

        Assert.Equal(DiagnosticCode.ModuleFeatureUnsupported, ex.Code);
        Assert.StartsWith("module '(root)' (torch.nn.modules.activation.ReLU), attribute '_forward_hooks': 1 hook(s) registered", ex.Message);
    }

    [Fact]
    public void Import_WhenPaddingModeIsNotZeros_ThrowsMbld2051()
    {
        var file = ModuleParity.Read("ops/conv2d");
        State(file).Set("padding_mode", "reflect");

        var ex = Assert.Throws<ModelBuildException>(() => ModuleParity.Import(file, "x: float32[batch,3,7,8]"));

        Assert.Equal(DiagnosticCode.ModuleFeatureUnsupported, ex.Code);
        Assert.Contains("attribute 'padding_mode': 'reflect' padding is not converted", ex.Message);
    }

    [Fact]
    public void Import_WhenAHyperparameterHasTheWrongType_ThrowsMbld2050()
    {
        var file = ModuleParity.Read("ops/conv2d");
        State(file).Set("stride", "2");

        var ex = Assert.Throws<ModelBuildException>(() => ModuleParity.Import(file, "x: float32[batch,3,7,8]"));

        Assert.Equal(DiagnosticCode.ModuleAttributeInvalid, ex.Code);
        Assert.Equal("module '(root)' (torch.nn.modules.conv.Conv2d), attribute 'stride': expected an integer or a tuple of 2 integers, found the string '2'", ex.Message);
    }

    [Fact]
    public void Import_WhenWeightShapeDisagreesWithHyperparameters_ThrowsMbld2052()
    {
        var file = ModuleParity.Read("ops/linear");
        State(file).Set("out_features", 5L);

        var ex = Assert.Throws<ModelBuildException>(() => ModuleParity.Import(file, "x: float32[batch,6]"));

        Assert.Equal(DiagnosticCode.ModuleWeightMismatch, ex.Code);
        Assert.Contains("attribute 'weight': the tensor's shape is [4,6], but the module's hyperparameters imply [5,6]", ex.Message);
    }

    [Fact]
    public void Import_WhenAdaptivePoolSizeDoesNotDivide_ThrowsMbld2051()
    {
        var ex = Assert.Throws<ModelBuildException>(() => ModuleParity.Import(ModuleParity.Read("ops/adaptive_avgpool2d"), "x: float32[batch,2,5,6]"));

        Assert.Equal(DiagnosticCode.ModuleFeatureUnsupported, ex.Code);
        Assert.Contains("not a multiple of the output size", ex.Message);
    }

    private static PickleDict State(PyTorchFile file) => (PickleDict)((PickleObject)file.Root!).State!;
}
