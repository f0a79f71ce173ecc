using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Verification;

namespace ModelBuild.Core.Tests.Verification;

public class ToleranceSpecTests
{
    [Fact]
    public void Parse_WhenNothingGivenForFp32_UsesDesignDefaults()
    {
        var spec = ToleranceSpec.Parse(null, "", Precision.Fp32);
        Assert.Equal(new Tolerance(1e-5, 1e-4), spec.Default);
        Assert.Empty(spec.Overrides);
    }

    [Fact]
    public void Parse_WhenNothingGivenForFp16_UsesLooserDefaults()
    {
        Assert.Equal(new Tolerance(1e-2, 1e-2), ToleranceSpec.Parse(null, null, Precision.Fp16).Default);
    }

    [Fact]
    public void Parse_WhenBareNumber_ReplacesDefaultAndKeepsOtherHalf()
    {
        var spec = ToleranceSpec.Parse("1e-3", null, Precision.Fp32);
        Assert.Equal(new Tolerance(1e-3, 1e-4), spec.Default);
    }

    [Fact]
    public void Parse_WhenDefaultMixedWithOverrides_AppliesEachToItsOutput()
    {
        var spec = ToleranceSpec.Parse("1e-4;logits=1e-3", "boxes=0.5;", Precision.Fp32);
        Assert.Equal(new Tolerance(1e-4, 1e-4), spec.Default);
        Assert.Equal(new Tolerance(1e-3, 1e-4), spec.For("logits"));
        Assert.Equal(new Tolerance(1e-4, 0.5), spec.For("boxes"));
        Assert.Equal(spec.Default, spec.For("other"));
        Assert.Equal(["boxes", "logits"], spec.Overrides.Keys);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1e-3;2e-3")]
    [InlineData("=1e-3")]
    [InlineData("logits=1;logits=2")]
    [InlineData("-1")]
    [InlineData("NaN")]
    [InlineData("logits=")]
    public void Parse_WhenTextInvalid_ThrowsInvalidOption(string atol)
    {
        var ex = Assert.Throws<ModelBuildException>(() => ToleranceSpec.Parse(atol, null, Precision.Fp32));
        Assert.Equal(DiagnosticCode.InvalidOption, ex.Code);
        Assert.Null(ex.File);
        Assert.Contains("atol", ex.Message);
    }
}
