using Glyphs;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

// Ten 8x8 glyphs drawn by train.py (the same generator as its held-out test set, never trained on): one line
// each, "<true digit> <64 intensities 0-9>". The model was checked against PyTorch's outputs at build time.
var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "glyphs.txt")).Where(l => l.Length > 0 && l[0] != '#').ToArray();
var truth = lines.Select(l => l.Split(' ')[0]).ToArray();
var pixels = lines.SelectMany(l => l.Split(' ')[1].Select(c => (c - '0') / 9f)).ToArray();

using var session = ModelAssets.Glyphs.CreateSession();
var input = new DenseTensor<float>(pixels, [lines.Length, 1, 8, 8]);
using var results = session.Run([NamedOnnxValue.CreateFromTensor(ModelAssets.Glyphs.InputNames[0], input)]);
var logits = results.Single().AsTensor<float>();

Console.WriteLine($"{ModelAssets.Glyphs.ResourceName}: {ModelAssets.Glyphs.ReadAllBytes().Length} bytes embedded, {ModelAssets.Glyphs.Inputs[0]} -> {ModelAssets.Glyphs.Outputs[0]}");
var correct = 0;
for (var g = 0; g < lines.Length; g++)
{
    // Softmax over the ten logits: the model's confidence in each digit.
    var scores = Enumerable.Range(0, 10).Select(k => logits[g, k]).ToArray();
    var max = scores.Max();
    var exp = scores.Select(s => MathF.Exp(s - max)).ToArray();
    var best = Array.IndexOf(scores, max);
    var confidence = exp[best] / exp.Sum();
    correct += best.ToString() == truth[g] ? 1 : 0;

    Console.WriteLine();
    for (var row = 0; row < 8; row++)
    {
        var art = string.Concat(Enumerable.Range(0, 8).Select(col => Shade(pixels[g * 64 + row * 8 + col])));
        var note = row switch
        {
            3 => $"   predicted {best}  ({confidence:P1})",
            4 => $"   drawn as  {truth[g]}{(best.ToString() == truth[g] ? "" : "   <- wrong")}",
            _ => "",
        };
        Console.WriteLine("   " + art + note);
    }
}
Console.WriteLine();
Console.WriteLine($"{correct} of {lines.Length} glyphs read correctly.");

static string Shade(float v) => v switch { < 0.2f => "  ", < 0.5f => "..", < 0.8f => "++", _ => "##" };
