using ModelBuild.Core.Exporters.TensorRt;

namespace ModelBuild.Core.Tests.Exporters.TensorRt;

public sealed class TensorRtVersionTests
{
    [Theory]
    [InlineData("&&&& RUNNING TensorRT.trtexec [TensorRT v8601] # trtexec --help", "8.6.1")]
    [InlineData("&&&& RUNNING TensorRT.trtexec [TensorRT v8502] # trtexec --help", "8.5.2")]
    [InlineData("&&&& RUNNING TensorRT.trtexec [TensorRT v100300] [b26] # trtexec --help", "10.3.0")]
    [InlineData("&&&& RUNNING TensorRT.trtexec [TensorRT v101200] [b31] # trtexec --help", "10.12.0")]
    [InlineData("&&&& RUNNING TensorRT.trtexec [TensorRT v110400] # trtexec --help", "11.4.0")]
    [InlineData("TensorRT version: TensorRT 10.3.0 (libnvinfer.so.10)", "10.3.0")]
    public void Parse_WhenOutputHasABanner_ReadsTheVersion(string output, string expected)
    {
        Assert.Equal(expected, TensorRtVersion.Parse(output)!.ToString());
    }

    [Fact]
    public void Parse_WhenOutputHasNoVersion_ReturnsNull()
    {
        Assert.Null(TensorRtVersion.Parse("Segmentation fault"));
    }

    [Fact]
    public void IsAtLeast_WhenComparingMinorVersions_ComparesNumerically()
    {
        var v = TensorRtVersion.FromEncoded(101200);

        Assert.True(v.IsAtLeast(10, 12));
        Assert.True(v.IsAtLeast(10, 3));
        Assert.False(v.IsAtLeast(11, 0));
    }
}
