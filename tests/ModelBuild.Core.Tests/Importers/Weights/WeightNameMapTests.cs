using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Importers.Weights;

namespace ModelBuild.Core.Tests.Importers.Weights;

public sealed class WeightNameMapTests
{
    [Theory]
    [InlineData("model.*=*", "model.fc.weight", "fc.weight")]
    [InlineData("model.*=*", "head.bias", "head.bias")]
    [InlineData("*.gamma=*.weight", "ln.gamma", "ln.weight")]
    [InlineData("a=b;a=c", "a", "b")]
    [InlineData("encoder.*=backbone.*", "encoder.l1.w", "backbone.l1.w")]
    public void Map_WhenRulesMatch_RewritesWithTheFirstMatchingRule(string rules, string name, string expected)
    {
        Assert.Equal(expected, WeightNameMap.Parse(rules).Map(name));
    }

    [Fact]
    public void Map_WhenRuleHasEmptyRightSide_DropsTheTensor()
    {
        Assert.Null(WeightNameMap.Parse("*.num_batches_tracked=").Map("bn1.num_batches_tracked"));
    }

    [Fact]
    public void Parse_WhenJsonFileGiven_MapsExactPairsAndDropsEmptyOnes()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """{"w0": "fc.weight", "skip": ""}""");
            var map = WeightNameMap.Parse("@" + file);

            Assert.Equal("fc.weight", map.Map("w0"));
            Assert.Null(map.Map("skip"));
            Assert.Equal("other", map.Map("other"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("noequals")]
    [InlineData("*a*=b")]
    [InlineData("a=*")]
    public void Parse_WhenRuleIsMalformed_ThrowsNameMapInvalid(string rules)
    {
        Assert.Equal(DiagnosticCode.NameMapInvalid, Assert.Throws<ModelBuildException>(() => WeightNameMap.Parse(rules)).Code);
    }
}
