using System.Runtime.InteropServices;
using ModelBuild.Core.Exporters.Onnx;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Cli.Tests.Commands;

/// <summary>
/// An operator one target cannot express fails that target only, with its MBLD2xxx code naming the operator and
/// the target; every other target is still produced, checked and written, and the exit code is the failure's (3).
/// </summary>
public sealed class UnsupportedTargetOpTests
{
    /// <summary>y = Erf(x·w): ONNX, ORT, OpenVINO (Erf-1) and Core ML (erf) express it; TFLite has no ERF builtin.</summary>
    private static string WriteErfModel(string path)
    {
        var g = new ModelBuild.Core.Graph.Graph { Name = "erf" };
        g.Inputs.Add(new ValueInfo("x", DataType.Float32, TensorShape.Of(1, 4)));
        g.Outputs.Add(new ValueInfo("y", DataType.Float32, TensorShape.Of(1, 4)));
        var w = new float[] { 0.5f, -1f, 1.5f, 2f };
        g.Initializers.Add(new Initializer("w", TensorData.FromBytes(MemoryMarshal.AsBytes(w.AsSpan()).ToArray(), DataType.Float32, [4])));
        g.Nodes.Add(new Node("Mul", ["x", "w"], ["xw"], "scale"));
        g.Nodes.Add(new Node("Erf", ["xw"], ["y"], "the_erf"));
        var model = new Model(g);
        model.OpsetImports[""] = 17;
        OnnxWriter.Write(model, path);
        return path;
    }

    [Fact]
    public void Convert_WhenOneTargetCannotExpressAnOperator_FailsThatTargetOnlyAndWritesTheOthers()
    {
        using var temp = new TempFolder();
        var source = WriteErfModel(temp.File("erf.onnx"));

        var result = CliRunner.Run("convert", source, "--targets", "onnx,ort,tflite,openvino,coreml", "-o", temp.File("out"),
            "--reference", "none", "--tflite-runner", TfLiteRunnerFolder.Path);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("erf.onnx: error MBLD2201: Operator 'Erf' (node 'the_erf') cannot be expressed in target 'tflite'", result.Stderr);
        // The diagnostic points at the model, not at a staging file nobody can open.
        Assert.DoesNotContain(".modelbuild-staging", result.Stderr);
        Assert.Contains("| tflite | failed (MBLD2201: ", result.Stdout);
        Assert.Contains("| ort | verified (", result.Stdout);
        Assert.Contains("| openvino | verified (", result.Stdout);
        Assert.Contains("| coreml | structurally checked (", result.Stdout);
        foreach (var file in new[] { "erf.onnx", "erf.ort", "erf.xml", "erf.bin" })
            Assert.True(File.Exists(temp.File(Path.Combine("out", file))), file);
        Assert.True(Directory.Exists(temp.File(Path.Combine("out", "erf.mlpackage"))));
        Assert.False(File.Exists(temp.File(Path.Combine("out", "erf.tflite"))));
    }
}
