using HelloModel;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

// The model was checked against PyTorch's outputs at build time; here it only runs.
using var session = ModelAssets.Mlp.CreateSession();
var x = new DenseTensor<float>(Enumerable.Range(0, 32).Select(i => MathF.Sin(i)).ToArray(), [2, 16]);
using var results = session.Run([NamedOnnxValue.CreateFromTensor(ModelAssets.Mlp.InputNames[0], x)]);

Console.WriteLine($"model  {ModelAssets.Mlp.ResourceName} ({ModelAssets.Mlp.ReadAllBytes().Length} bytes embedded)");
Console.WriteLine($"input  {ModelAssets.Mlp.Inputs[0]}");
foreach (var output in results)
    Console.WriteLine($"output {output.Name}: {string.Join(" ", output.AsEnumerable<float>().Select(v => v.ToString("0.000")))}");
