using Microsoft.ML.OnnxRuntime;
using ModelBuild.Core.Exporters.Onnx;
using ModelBuild.Core.Tests.TestSupport;

namespace ModelBuild.Core.Tests.Exporters.Onnx;

/// <summary>ONNX Runtime is the independent judge: what the writer produces must load and compute the right numbers.</summary>
public sealed class OnnxWriterRuntimeTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Write_WhenRunByOnnxRuntime_ComputesExpectedOutputs(bool externalData)
    {
        using var dir = new TempDirectory();
        const int batch = 2, inputs = 16, outputs = 32;
        var path = dir.File("mlp.onnx");
        OnnxWriter.Write(ModelBuilder.Mlp(inputs, outputs), path, new OnnxWriterOptions { ForceExternalData = externalData });
        var x = Enumerable.Range(0, batch * inputs).Select(i => (i % 7 - 3) / 2f).ToArray();

        var actual = Run(path, x, [batch, inputs]);

        var expected = ModelBuilder.MlpExpected(x, batch, inputs, outputs);
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-5 + 1e-5 * Math.Abs(expected[i]), $"element {i}: {actual[i]} vs {expected[i]}");
        Assert.Contains(expected, v => v > 0);
    }

    private static float[] Run(string path, float[] x, long[] shape)
    {
        using var session = new InferenceSession(path);
        using var input = OrtValue.CreateTensorValueFromMemory(x, shape);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, ["x"], [input], ["output"]);
        return results[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
