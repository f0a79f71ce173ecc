namespace ModelBuild.IntegrationTests.Scenarios;

/// <summary>
/// The few scenarios that run the real, packed converter on the PyTorch-made fixture: conversion, the
/// equivalence gate against PyTorch's outputs, embedding, and inference through the generated CreateSession.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class RealConverterTests(PackageFeedFixture feed)
{
    private const string OnnxRuntimeVersion = "1.31.1";

    [Fact]
    public void Build_WithRealConverter_ConvertsVerifiesEmbedsAndRunsTheModel()
    {
        var project = ConsumerProject.Create(feed, "realcli", fakeConverter: false)
            .Model("models/mlp.onnx", "mlp/mlp.onnx")
            .Model("models/mlp.ref.npz", "mlp/mlp.ref.npz")
            .Item("<ModelAsset Include=\"models/mlp.onnx\" />")
            .Package("Microsoft.ML.OnnxRuntime", OnnxRuntimeVersion)
            .Program("""
                using Microsoft.ML.OnnxRuntime;
                using Microsoft.ML.OnnxRuntime.Tensors;
                using var session = ModelAssets.Mlp.CreateSession();
                var input = new DenseTensor<float>(Enumerable.Range(0, 32).Select(i => i / 32f).ToArray(), new[] { 2, 16 });
                using var results = session.Run(new[] { NamedOnnxValue.CreateFromTensor(ModelAssets.Mlp.InputNames[0], input) });
                var output = results.Single();
                Console.WriteLine($"{ModelAssets.Mlp.Inputs[0]} -> {ModelAssets.Mlp.Outputs[0]}; ran {output.Name}: {output.AsEnumerable<float>().Count(float.IsFinite)} finite values");
                """)
            .Save();

        var first = project.Build();

        Assert.True(first.Succeeded, first.ToString());
        Assert.Equal(1, first.TaskRuns("ModelBuildConvert"));
        // The reference beside the model was found and the gate ran against it.
        var report = File.ReadAllText(Path.Combine(project.Directory, "obj", "modelbuild", "Mlp", "mlp.report.json"));
        Assert.Contains("mlp.ref.npz", report);
        Assert.Equal(["ModelBuild/Mlp.onnx"], project.ManifestResources());
        var app = project.RunApp();
        Assert.True(app.ExitCode == 0, app.ToString());
        Assert.Contains("x: float32[2,16] -> output: float32[2,8]; ran output: 16 finite values", app.Output);

        var second = project.Build();
        Assert.True(second.Succeeded, second.ToString());
        Assert.Equal(0, second.TaskRuns("ModelBuildConvert"));
        Assert.Equal(0, second.TaskRuns("Csc"));
    }

    [Fact]
    public void Build_WithRealConverter_WhenEveryTargetIsAsked_EmbedsEachArtifactAndSkipsWhatThisMachineCannotMake()
    {
        var project = ConsumerProject.Create(feed, "alltargets", fakeConverter: false)
            .Model("models/mlp.onnx", "mlp/mlp.onnx")
            .Model("models/mlp.ref.npz", "mlp/mlp.ref.npz")
            .Item("<ModelAsset Include=\"models/mlp.onnx\" Targets=\"onnx;ort;tflite;openvino;coreml;tensorrt\" />")
            .Save();

        var first = project.Build();

        Assert.True(first.Succeeded, first.ToString());
        // No TensorRT on a build machine without a GPU: a warning, not a failure, outside locked mode.
        Assert.Contains(first.Warnings, w => w.Code == "MBLD1007");
        Assert.Equal(
            ["ModelBuild/Mlp.bin", "ModelBuild/Mlp.mlpackage/Data/com.apple.CoreML/model.mlmodel", "ModelBuild/Mlp.mlpackage/Data/com.apple.CoreML/weights/weight.bin",
             "ModelBuild/Mlp.mlpackage/Manifest.json", "ModelBuild/Mlp.onnx", "ModelBuild/Mlp.ort", "ModelBuild/Mlp.tflite", "ModelBuild/Mlp.xml"],
            project.ManifestResources());

        // The skipped target does not make every later build convert again.
        var second = project.Build();
        Assert.True(second.Succeeded, second.ToString());
        Assert.Equal(0, second.TaskRuns("ModelBuildConvert"));
        Assert.Equal(0, second.TaskRuns("Csc"));
    }

    [Fact]
    public void Build_WithRealConverter_WhenReferenceDoesNotFitTheModel_FailsWithTheConvertersCode()
    {
        var project = ConsumerProject.Create(feed, "realcli-bad", fakeConverter: false)
            .Model("models/mlp.onnx", "mlp/mlp.onnx")
            .Model("models/other.ref.npz", "cnn/cnn.ref.npz")
            .Item("<ModelAsset Include=\"models/mlp.onnx\" Reference=\"models/other.ref.npz\" />")
            .Save();

        var build = project.Build();

        Assert.False(build.Succeeded);
        var error = Assert.Single(build.Errors);
        Assert.StartsWith("MBLD", error.Code);
        Assert.DoesNotContain(error.Code, new[] { "MBLD9101", "MBLD9102", "MBLD9103" });
        Assert.False(File.Exists(Path.Combine(project.Directory, "obj", "modelbuild", "Mlp", "mlp.onnx")));
    }

    [Fact]
    public void Build_WithRealConverter_WhenOnnxSourceIsNotOpset17_KeepsItsOpsetUnlessTheItemAsksForAnother()
    {
        // The Glyphs sample's model, exported by torch.onnx.export at opset 13 (samples/Glyphs/train.py).
        var project = ConsumerProject.Create(feed, "opset13", fakeConverter: false)
            .Item("<ModelAsset Include=\"models/glyphs.onnx\" />")
            .Save();
        Directory.CreateDirectory(Path.Combine(project.Directory, "models"));
        foreach (var file in new[] { "glyphs.onnx", "glyphs.ref.npz" })
            File.Copy(Path.Combine(RepositoryPaths.Root, "samples", "Glyphs", "models", file), Path.Combine(project.Directory, "models", file));

        var keep = project.Build();
        Assert.True(keep.Succeeded, keep.ToString());
        Assert.Equal(["ModelBuild/Glyphs.onnx"], project.ManifestResources());

        // What the old ItemDefinitionGroup default (Opset=17) did to every such source.
        project.ClearItems().Item("<ModelAsset Include=\"models/glyphs.onnx\" Opset=\"17\" />").Save();
        var forced = project.Build();
        Assert.False(forced.Succeeded);
        Assert.Equal(["MBLD2002"], forced.ErrorCodes);
    }
}
