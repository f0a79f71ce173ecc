using ModelBuild.Core.Exporters.Onnx;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Importers.Onnx;
using ModelBuild.Core.Tensors;
using ModelBuild.Core.Tensors.Safetensors;

namespace ModelBuild.Benchmarks;

/// <summary>
/// Makes a weights-plus-template pair bigger than protobuf's 2 GB limit without holding it in memory, and checks
/// a converted result byte for byte. The template's weights are a sparse file of zeros (only shapes matter to it);
/// the real weights come from a seeded generator so a misplaced tensor cannot compare equal by accident.
/// </summary>
internal static class LargeWeights
{
    private const int Width = 4096;
    private const long LayerBytes = (long)Width * Width * sizeof(float);

    public static void Generate(string folder, double gib)
    {
        Directory.CreateDirectory(folder);
        int layers = (int)Math.Ceiling(gib * (1L << 30) / LayerBytes);

        var zeros = Path.Combine(folder, "zeros.bin");
        using (var f = new FileStream(zeros, FileMode.Create)) f.SetLength(LayerBytes);
        var raw = Path.Combine(folder, "weights.raw");
        WriteSeeded(raw, layers * LayerBytes);

        var graph = new Graph { Name = "large" };
        graph.Inputs.Add(new ValueInfo("x", DataType.Float32, TensorShape.Of(1, Width)));
        var weights = new List<NamedTensor>();
        string previous = "x";
        for (int i = 0; i < layers; i++)
        {
            var name = $"layers.{i}.weight";
            graph.Initializers.Add(new Initializer(name, TensorData.FromFile(zeros, 0, LayerBytes, DataType.Float32, [Width, Width])));
            weights.Add(new NamedTensor(name, TensorData.FromFile(raw, i * LayerBytes, LayerBytes, DataType.Float32, [Width, Width])));
            var output = i == layers - 1 ? "output" : $"h{i}";
            graph.Nodes.Add(new Node("MatMul", [previous, name], [output], $"matmul_{i}"));
            previous = output;
        }
        graph.Outputs.Add(new ValueInfo("output", DataType.Float32, TensorShape.Of(1, Width)));
        var model = new Model(graph);
        model.OpsetImports[""] = 17;

        OnnxWriter.Write(model, Path.Combine(folder, "template.onnx"));
        SafetensorsWriter.Write(Path.Combine(folder, "weights.safetensors"), weights);
        File.Delete(raw);
        Console.WriteLine($"{layers} layers of {LayerBytes} bytes = {layers * LayerBytes} bytes of weights in {folder}");
    }

    /// <summary>Compares every initializer of the converted model with the tensor of the same name, in chunks.</summary>
    public static int Check(string model, string safetensors)
    {
        var converted = OnnxReader.Read(model);
        using var source = SafetensorsReader.Read(safetensors);
        var expected = source.Tensors.ToDictionary(t => t.Name);
        long bytes = 0;
        foreach (var initializer in converted.Graph.Initializers)
        {
            var want = expected[initializer.Name].Data;
            if (!SameBytes(initializer.Data, want))
            {
                Console.Error.WriteLine($"mismatch in {initializer.Name}");
                return 1;
            }
            bytes += want.ByteLength;
        }
        Console.WriteLine($"all {converted.Graph.Initializers.Count} initializers ({bytes} bytes) match the source");
        return 0;
    }

    private static bool SameBytes(TensorData a, TensorData b)
    {
        using var fa = File.OpenRead(a.SourcePath!);
        using var fb = File.OpenRead(b.SourcePath!);
        fa.Seek(a.Offset, SeekOrigin.Begin);
        fb.Seek(b.Offset, SeekOrigin.Begin);
        var ba = new byte[1 << 20];
        var bb = new byte[1 << 20];
        for (long left = a.ByteLength; left > 0; left -= ba.Length)
        {
            int n = (int)Math.Min(ba.Length, left);
            fa.ReadExactly(ba, 0, n);
            fb.ReadExactly(bb, 0, n);
            if (!ba.AsSpan(0, n).SequenceEqual(bb.AsSpan(0, n))) return false;
        }
        return a.ByteLength == b.ByteLength;
    }

    private static void WriteSeeded(string path, long length)
    {
        var buffer = new byte[1 << 20];
        ulong state = 0x9E3779B97F4A7C15;
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1);
        for (long written = 0; written < length; written += buffer.Length)
        {
            var words = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(buffer.AsSpan());
            for (int i = 0; i < words.Length; i++)
            {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                words[i] = (state >> 40) / (float)(1 << 24) - 0.5f;
            }
            stream.Write(buffer, 0, (int)Math.Min(buffer.Length, length - written));
        }
    }
}
