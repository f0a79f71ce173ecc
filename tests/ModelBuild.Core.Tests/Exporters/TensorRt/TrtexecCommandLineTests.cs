using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Exporters.TensorRt;

namespace ModelBuild.Core.Tests.Exporters.TensorRt;

public sealed class TrtexecCommandLineTests
{
    private static readonly TensorRtShapes[] Dynamic = [new("x", [1, 3, 16, 16], [4, 3, 16, 16], [8, 3, 16, 16])];

    [Theory]
    [InlineData(8502, false, "--buildOnly")]
    [InlineData(8601, false, "--skipInference")]
    [InlineData(100300, false, "--skipInference")]
    [InlineData(101200, false, "--stronglyTyped --skipInference")]
    [InlineData(110400, false, "--skipInference")]
    [InlineData(8601, true, "--fp16 --skipInference")]
    [InlineData(100300, true, "--fp16 --skipInference")]
    [InlineData(101200, true, "--fp16 --skipInference")]
    public void Build_WhenVersionAndPrecisionVary_ChoosesTheFlagsThatVersionTakes(long encoded, bool fp16, string tail)
    {
        var args = TrtexecCommandLine.Build(TensorRtVersion.FromEncoded(encoded), "m.onnx", "m.engine", "/cache/trt-timing.cache", Dynamic, fp16, "m.onnx");

        string[] expected =
        [
            "--onnx=m.onnx", "--saveEngine=m.engine", "--timingCacheFile=/cache/trt-timing.cache",
            "--minShapes=x:1x3x16x16", "--optShapes=x:4x3x16x16", "--maxShapes=x:8x3x16x16", .. tail.Split(' '),
        ];
        Assert.Equal(expected, args);
    }

    [Fact]
    public void Build_WhenAllInputsAreStatic_PassesNoShapeFlags()
    {
        var args = TrtexecCommandLine.Build(TensorRtVersion.FromEncoded(100300), "m.onnx", "m.engine", "c", [], false, "m.onnx");

        Assert.Equal(["--onnx=m.onnx", "--saveEngine=m.engine", "--timingCacheFile=c", "--skipInference"], args);
    }

    [Fact]
    public void Build_WhenFp16IsAskedOfTensorRt11_FailsTheTargetSayingAnFp16OnnxIsNeeded()
    {
        var ex = Assert.Throws<ModelBuildException>(() =>
            TrtexecCommandLine.Build(TensorRtVersion.FromEncoded(110000), "m.onnx", "m.engine", "c", [], true, "m.onnx"));

        Assert.Equal(DiagnosticCode.TargetFailed, ex.Code);
        Assert.Contains("target 'tensorrt'", ex.Message);
        Assert.Contains("fp16 ONNX", ex.Message);
    }
}
