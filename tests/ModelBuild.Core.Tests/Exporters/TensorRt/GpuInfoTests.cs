using ModelBuild.Core.Exporters.TensorRt;

namespace ModelBuild.Core.Tests.Exporters.TensorRt;

public sealed class GpuInfoTests
{
    [Fact]
    public void ParseFirst_WhenSeveralGpusAreListed_TakesDeviceZero()
    {
        var gpu = GpuInfo.ParseFirst("NVIDIA H100 80GB HBM3, 9.0\nNVIDIA GeForce RTX 4090, 8.9\n");

        Assert.Equal(new GpuInfo("NVIDIA H100 80GB HBM3", "9.0"), gpu);
        Assert.Equal("sm_90", gpu!.SmName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("No devices were found")]
    [InlineData("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.")]
    public void ParseFirst_WhenNoGpuIsListed_ReturnsNull(string output)
    {
        Assert.Null(GpuInfo.ParseFirst(output));
    }
}
