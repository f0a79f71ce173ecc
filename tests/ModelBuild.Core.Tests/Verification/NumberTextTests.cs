using System.Globalization;
using ModelBuild.Core.Verification;

namespace ModelBuild.Core.Tests.Verification;

public class NumberTextTests
{
    [Theory]
    [InlineData(0.009831, "9.9e-03")]
    [InlineData(0.0099, "9.9e-03")]
    [InlineData(0.00991, "1.0e-02")]
    [InlineData(0.01, "1.0e-02")]
    [InlineData(3.14e-5, "3.2e-05")]
    [InlineData(0, "0.0e+00")]
    public void ShortRoundedUp_WhenValue_GivesSmallestTwoDigitValueNotBelow(double value, string expected)
    {
        var text = NumberText.ShortRoundedUp(value);
        Assert.Equal(expected, text);
        Assert.True(double.Parse(text, CultureInfo.InvariantCulture) >= value);
    }

    [Fact]
    public void ShortRoundedUp_WhenPastedIntoParse_IsAccepted()
    {
        var spec = ToleranceSpec.Parse("logits=" + NumberText.ShortRoundedUp(0.00983), null, Precision.Fp32);
        Assert.Equal(0.0099, spec.For("logits").Atol);
    }
}
