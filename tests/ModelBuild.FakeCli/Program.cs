using System.Text;
using System.Text.Json;

namespace ModelBuild.FakeCli;

/// <summary>
/// Fake <c>modelbuild convert</c>. Appends one JSON line per run (its arguments) to the file named by
/// MODELBUILD_FAKE_LOG, writes each artifact as a copy of the source, a signature file and a report, and
/// misbehaves on request through MODELBUILD_FAKE_MODE: crash, hang, gate-fail, silent-fail, no-artifact,
/// near-miss.
/// </summary>
internal static class Program
{
    private static readonly Dictionary<string, string> Extensions = new()
    {
        ["onnx"] = ".onnx", ["ort"] = ".ort", ["tflite"] = ".tflite", ["openvino"] = ".xml", ["coreml"] = ".mlmodel", ["tensorrt"] = ".engine",
    };

    private static int Main(string[] args)
    {
        var log = Environment.GetEnvironmentVariable("MODELBUILD_FAKE_LOG");
        if (!string.IsNullOrEmpty(log))
        {
            var line = JsonSerializer.Serialize(new { args, cwd = Environment.CurrentDirectory, cache = Environment.GetEnvironmentVariable("MODELBUILD_CACHE_DIR") });
            File.AppendAllText(log, line + "\n");
        }
        if (args.Length < 2 || args[0] != "convert")
        {
            Console.Error.WriteLine("modelbuild: error MBLD1001: the fake converter only knows 'convert <source> -o <out>'");
            return 2;
        }
        var source = args[1];
        string? output = null, targets = "onnx";
        var inputs = new List<string>();
        for (int i = 2; i < args.Length - 1; i++)
        {
            switch (args[i])
            {
                case "-o": output = args[++i]; break;
                case "--targets": targets = args[++i]; break;
                case "--input": inputs.Add(args[++i]); break;
            }
        }
        var mode = Environment.GetEnvironmentVariable("MODELBUILD_FAKE_MODE") ?? "";
        switch (mode)
        {
            case "crash": throw new InvalidOperationException("fake converter crash requested");
            case "hang": Thread.Sleep(TimeSpan.FromMinutes(10)); return 0;
            case "silent-fail": return 3;
            case "gate-fail":
                Console.Error.WriteLine($"{source}: error MBLD3001: output 'output': max abs 3.2e-3 > atol 1e-5 (fake)");
                return 1;
            case "no-artifact": return 0;
        }
        var list = targets.Split(',', ';');
        var report = args.SkipWhile(a => a != "--report").Skip(1).FirstOrDefault();
        foreach (var target in list)
        {
            var path = list.Length == 1 ? output! : Path.Combine(output!, Path.GetFileNameWithoutExtension(source) + Extensions[target]);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.Copy(source, path, overwrite: true);
            if (target == "onnx") WriteSignature(Path.ChangeExtension(path, ".signature.json"), inputs);
        }
        if (report is not null) File.WriteAllText(report, "{\"passed\":true,\"fake\":true}");
        if (mode == "near-miss") Console.Error.WriteLine($"{source}: warning MBLD3006: outputs pass but are close to the tolerance (fake)");
        Console.WriteLine($"fake: converted {source}");
        return 0;
    }

    private static void WriteSignature(string path, List<string> inputs)
    {
        var json = new StringBuilder("{\"inputs\":[");
        var parsed = inputs.Count == 0 ? new List<string> { "x: float32[batch,4]" } : inputs;
        json.Append(string.Join(",", parsed.Select(Tensor)));
        json.Append("],\"outputs\":[").Append(Tensor("output: float32[batch,2]")).Append("]}");
        File.WriteAllText(path, json.ToString());
    }

    private static string Tensor(string signature)
    {
        var colon = signature.IndexOf(':');
        var open = signature.IndexOf('[');
        var name = signature[..colon].Trim();
        var dtype = signature[(colon + 1)..open].Trim();
        var dims = signature[(open + 1)..^1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => long.TryParse(d, out var n) ? n.ToString() : "\"" + d + "\"");
        return $"{{\"name\":\"{name}\",\"dtype\":\"{dtype}\",\"shape\":[{string.Join(",", dims)}]}}";
    }
}
