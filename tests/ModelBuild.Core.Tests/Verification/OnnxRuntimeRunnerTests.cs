using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;
using ModelBuild.Core.Verification;

namespace ModelBuild.Core.Tests.Verification;

public class OnnxRuntimeRunnerTests
{
    [Fact]
    public void Constructor_WhenModelHasSymbolicDims_ExposesMetadata()
    {
        using var temp = new TempFolder();
        using var runner = new OnnxRuntimeRunner(TestOnnxModels.WriteLinear(temp.File("m.onnx")));
        var x = Assert.Single(runner.Inputs);
        Assert.Equal("x", x.Name);
        Assert.Equal(DataType.Float32, x.ElementType);
        Assert.Equal([Dim.Named("batch"), Dim.Fixed(3)], x.Shape!.Dims);
        Assert.Equal(["logits", "relu", "argmax"], runner.Outputs.Select(o => o.Name));
        Assert.Equal(DataType.Int64, runner.Outputs[2].ElementType);
    }

    [Fact]
    public void Constructor_WhenDimHasNoName_ReportsUnknownDim()
    {
        using var temp = new TempFolder();
        using var runner = new OnnxRuntimeRunner(TestOnnxModels.WriteTwoInputs(temp.File("m.onnx")));
        Assert.Equal(Dim.Unknown, runner.Inputs[0].Shape!.Dims[1]);
    }

    [Fact]
    public void Run_WhenLinearModel_ComputesXwPlusB()
    {
        using var temp = new TempFolder();
        using var runner = new OnnxRuntimeRunner(TestOnnxModels.WriteLinear(temp.File("m.onnx")));
        float[] x = [1f, 2f, 3f, -1f, 0.5f, 0.25f];
        var outputs = runner.Run([new NamedTensor("x", TestTensors.F32(x, 2, 3))]);
        var (logits, relu, argmax) = TestOnnxModels.Linear(x);
        Assert.Equal([2L, 2], outputs[0].Data.Shape);
        Assert.Equal(logits, TestTensors.ReadF32(outputs[0].Data), (a, b) => Math.Abs(a - b) < 1e-6f);
        Assert.Equal(relu, TestTensors.ReadF32(outputs[1].Data), (a, b) => Math.Abs(a - b) < 1e-6f);
        Assert.Equal(argmax, TestTensors.ReadI64(outputs[2].Data));
    }

    [Theory]
    [InlineData(DataType.Float32)]
    [InlineData(DataType.Float16)]
    [InlineData(DataType.BFloat16)]
    [InlineData(DataType.Float64)]
    [InlineData(DataType.Int8)]
    [InlineData(DataType.Int16)]
    [InlineData(DataType.Int32)]
    [InlineData(DataType.Int64)]
    [InlineData(DataType.UInt8)]
    [InlineData(DataType.Bool)]
    public void Run_WhenIdentityOfDtype_ReturnsSameBytesAndType(DataType type)
    {
        using var temp = new TempFolder();
        using var runner = new OnnxRuntimeRunner(TestOnnxModels.WriteIdentity(temp.File("m.onnx"), type));
        var input = SeededInputs.Create(runner.Inputs)[2].Inputs[0];
        var output = Assert.Single(runner.Run([input]));
        Assert.Equal("y", output.Name);
        Assert.Equal(type, output.Data.DataType);
        Assert.Equal(input.Data.Shape, output.Data.Shape);
        Assert.Equal(input.Data.ReadAllBytes(), output.Data.ReadAllBytes());
    }

    [Fact]
    public void Constructor_WhenFileIsNotOnnx_ThrowsRuntimeFailedWithOrtMessage()
    {
        using var temp = new TempFolder();
        var path = temp.File("bad.onnx");
        File.WriteAllBytes(path, [0xFF, 0xFF, 0xFF, 0x01, 0x02]);
        var ex = Assert.Throws<ModelBuildException>(() => new OnnxRuntimeRunner(path));
        Assert.Equal(DiagnosticCode.RuntimeFailed, ex.Code);
        Assert.Equal(path, ex.File);
        Assert.StartsWith("ONNX Runtime could not load the model: ", ex.Message);
        Assert.True(ex.Message.Length > "ONNX Runtime could not load the model: ".Length);
    }

    [Fact]
    public void Run_WhenInputHasWrongShape_ThrowsRuntimeFailed()
    {
        using var temp = new TempFolder();
        using var runner = new OnnxRuntimeRunner(TestOnnxModels.WriteLinear(temp.File("m.onnx")));
        var ex = Assert.Throws<ModelBuildException>(() => runner.Run([new NamedTensor("x", TestTensors.F32([1f, 2f], 1, 2))]));
        Assert.Equal(DiagnosticCode.RuntimeFailed, ex.Code);
    }

    [Fact]
    public void Constructor_WhenFileMissing_ThrowsFileNotFound()
    {
        var ex = Assert.Throws<ModelBuildException>(() => new OnnxRuntimeRunner("/nonexistent/m.onnx"));
        Assert.Equal(DiagnosticCode.FileNotFound, ex.Code);
    }

    [Fact]
    public void OrtVersion_WhenQueried_IsTheReferencedPackage()
    {
        Assert.Equal("1.31.1", OnnxRuntimeRunner.OrtVersion);
    }
}
