using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Exporters.TensorRt;

namespace ModelBuild.Core.Tests.Exporters.TensorRt;

public sealed class TensorRtProfileTests
{
    [Fact]
    public void Parse_WhenDimsAreNamed_GivesTheirSizesAndDefaultsOthers()
    {
        var profile = TensorRtProfile.Parse("batch=1,8,32; seq=1,128,512");

        Assert.Equal((1L, 8L, 32L), profile.For("batch"));
        Assert.Equal((1L, 128L, 512L), profile.For("seq"));
        Assert.Equal((1L, 1L, 1L), profile.For("other"));
    }

    [Theory]
    [InlineData("batch")]
    [InlineData("batch=1,8")]
    [InlineData("batch=0,8,32")]
    [InlineData("batch=8,1,32")]
    [InlineData("batch=1,8,32;batch=1,2,3")]
    public void Parse_WhenMalformed_ThrowsInvalidOption(string text)
    {
        var ex = Assert.Throws<ModelBuildException>(() => TensorRtProfile.Parse(text));

        Assert.Equal(DiagnosticCode.InvalidOption, ex.Code);
        Assert.Contains("--trt-profile", ex.Message);
    }
}
