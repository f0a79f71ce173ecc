using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Tensors;
using ModelBuild.Core.Verification;

namespace ModelBuild.Core.Tests.Verification;

public class ReferenceDataTests
{
    private static NamedTensor Array(string name) => new(name, TestTensors.F32([1f], 1));

    [Fact]
    public void FromArrays_WhenPlainNames_MakesOneSet()
    {
        var data = ReferenceData.FromArrays([Array("input.x"), Array("output.logits"), Array("output.relu")], "m.ref.npz");
        var set = Assert.Single(data.Sets);
        Assert.Equal("set0", set.Name);
        Assert.Equal(["x"], set.Inputs.Select(i => i.Name));
        Assert.Equal(["logits", "relu"], set.Outputs.Select(o => o.Name));
        Assert.Equal("m.ref.npz", data.File);
    }

    [Fact]
    public void FromArrays_WhenSetPrefixed_OrdersSetsNumerically()
    {
        var data = ReferenceData.FromArrays(
            [Array("set10.input.x"), Array("set10.output.y"), Array("set2.output.y"), Array("set2.input.x"), Array("set1.input.x"), Array("set1.output.y")],
            "r.safetensors");
        Assert.Equal(["set1", "set2", "set10"], data.Sets.Select(s => s.Name));
    }

    [Fact]
    public void FromArrays_WhenNameHasDots_KeepsRestAsName()
    {
        var data = ReferenceData.FromArrays([Array("input.encoder.x"), Array("output.a.b")], "r.npz");
        Assert.Equal("encoder.x", data.Sets[0].Inputs[0].Name);
        Assert.Equal("a.b", data.Sets[0].Outputs[0].Name);
    }

    [Theory]
    [InlineData("weights.x")]
    [InlineData("set1.inputs.x")]
    [InlineData("setA.input.x")]
    public void FromArrays_WhenArrayNameUnknown_ThrowsReferenceInvalidNamingIt(string name)
    {
        var ex = Assert.Throws<ModelBuildException>(() => ReferenceData.FromArrays([Array("input.x"), Array("output.y"), Array(name)], "r.npz"));
        Assert.Equal(DiagnosticCode.ReferenceInvalid, ex.Code);
        Assert.Equal("r.npz", ex.File);
        Assert.Contains($"'{name}'", ex.Message);
    }

    [Fact]
    public void FromArrays_WhenPlainAndPrefixedMixed_ThrowsReferenceInvalid()
    {
        var ex = Assert.Throws<ModelBuildException>(() => ReferenceData.FromArrays([Array("input.x"), Array("output.y"), Array("set1.input.x")], "r.npz"));
        Assert.Equal(DiagnosticCode.ReferenceInvalid, ex.Code);
        Assert.Contains("'set1.input.x'", ex.Message);
        Assert.Contains("mixes", ex.Message);
    }

    [Fact]
    public void FromArrays_WhenSetHasNoOutputs_ThrowsReferenceInvalid()
    {
        var ex = Assert.Throws<ModelBuildException>(() => ReferenceData.FromArrays([Array("set0.input.x"), Array("set0.output.y"), Array("set1.input.x")], "r.npz"));
        Assert.Equal(DiagnosticCode.ReferenceInvalid, ex.Code);
        Assert.Contains("set 1", ex.Message);
        Assert.Contains("'set1.input.x'", ex.Message);
    }

    [Fact]
    public void FromArrays_WhenSetHasNoInputs_ThrowsReferenceInvalid()
    {
        var ex = Assert.Throws<ModelBuildException>(() => ReferenceData.FromArrays([Array("output.y")], "r.npz"));
        Assert.Equal(DiagnosticCode.ReferenceInvalid, ex.Code);
        Assert.Contains("no 'input.<name>'", ex.Message);
    }

    [Fact]
    public void FromArrays_WhenNameRepeatsWithinSet_ThrowsReferenceInvalid()
    {
        var ex = Assert.Throws<ModelBuildException>(() => ReferenceData.FromArrays([Array("set1.input.x"), Array("set01.input.x"), Array("set1.output.y")], "r.npz"));
        Assert.Equal(DiagnosticCode.ReferenceInvalid, ex.Code);
    }
}
