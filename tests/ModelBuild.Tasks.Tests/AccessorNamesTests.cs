namespace ModelBuild.Tasks.Tests;

public sealed class AccessorNamesTests
{
    [Theory]
    [InlineData("net", "Net")]
    [InlineData("resnet-18.v2", "Resnet18V2")]
    [InlineData("2stage", "_2stage")]
    [InlineData("---", "Model")]
    public void FromFileName_WhenNameIsNotAnIdentifier_MakesOne(string fileName, string expected) =>
        Assert.Equal(expected, AccessorNames.FromFileName(fileName));
}
