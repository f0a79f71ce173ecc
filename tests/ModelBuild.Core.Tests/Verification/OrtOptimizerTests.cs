using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Verification;

namespace ModelBuild.Core.Tests.Verification;

public class OrtOptimizerTests
{
    [Fact]
    public void OptimizeBasic_WhenModelValid_WritesModelThatCompareModelsAccepts()
    {
        using var temp = new TempFolder();
        var original = TestOnnxModels.WriteLinear(temp.File("linear.onnx"));
        var optimized = temp.File("linear.opt.onnx");
        OrtOptimizer.OptimizeBasic(original, optimized);
        Assert.True(File.Exists(optimized));
        var report = Verifier.CompareModels(optimized, original, ToleranceSpec.DefaultFor(Precision.Fp32));
        Assert.True(report.Passed, report.SummaryLine());
        Assert.Equal([Path.GetFileName(original), Path.GetFileName(optimized)], Directory.GetFiles(temp.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void OptimizeBasic_WhenModelInvalid_ThrowsOptimizationFailedAndLeavesNothing()
    {
        using var temp = new TempFolder();
        var bad = temp.File("bad.onnx");
        File.WriteAllText(bad, "not a model");
        var ex = Assert.Throws<ModelBuildException>(() => OrtOptimizer.OptimizeBasic(bad, temp.File("out.onnx")));
        Assert.Equal(DiagnosticCode.OptimizationFailed, ex.Code);
        Assert.Equal(["bad.onnx"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }
}
