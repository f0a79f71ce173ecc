using System.Text.Json;

namespace ModelBuild.Fakes.Trtexec;

/// <summary>
/// Fake trtexec / nvidia-smi. Behaviour comes from <c>fake-tools.txt</c> beside the executable
/// (<c>key=value</c> lines: <c>trtexec.version</c> as NV_TENSORRT_VERSION, <c>trtexec.fail</c> an error line that
/// makes the build exit 1, <c>nvidia-smi.output</c>, <c>nvidia-smi.exit</c>). Every call appends its arguments as
/// one JSON array line to <c>&lt;name&gt;.calls.jsonl</c>, so a test asserts the exact command line.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var folder = AppContext.BaseDirectory;
        var name = Path.GetFileNameWithoutExtension(Environment.ProcessPath ?? "trtexec");
        var config = ReadConfig(Path.Combine(folder, "fake-tools.txt"));
        File.AppendAllText(Path.Combine(folder, name + ".calls.jsonl"), JsonSerializer.Serialize(args) + "\n");
        return name == "nvidia-smi" ? NvidiaSmi(config) : Trtexec(args, config);
    }

    private static int Trtexec(string[] args, Dictionary<string, string> config)
    {
        var version = config.GetValueOrDefault("trtexec.version", "100300");
        Console.WriteLine($"&&&& RUNNING TensorRT.trtexec [TensorRT v{version}] [b26] # trtexec {string.Join(' ', args)}");
        if (args.Contains("--help"))
        {
            Console.WriteLine("=== Model Options ===");
            Console.WriteLine("  --onnx=<file>               ONNX model");
            return 0;
        }
        if (config.TryGetValue("trtexec.fail", out var failure))
        {
            Console.WriteLine($"[E] [TRT] {failure}");
            Console.WriteLine($"&&&& FAILED TensorRT.trtexec [TensorRT v{version}] # trtexec {string.Join(' ', args)}");
            return 1;
        }
        var engine = Value(args, "--saveEngine=");
        if (engine is not null) File.WriteAllText(engine, "fake TensorRT engine\n");
        var cache = Value(args, "--timingCacheFile=");
        if (cache is not null && !File.Exists(cache)) File.WriteAllText(cache, "fake timing cache\n");
        Console.WriteLine($"&&&& PASSED TensorRT.trtexec [TensorRT v{version}] # trtexec {string.Join(' ', args)}");
        return 0;
    }

    private static int NvidiaSmi(Dictionary<string, string> config)
    {
        Console.WriteLine(config.GetValueOrDefault("nvidia-smi.output", "NVIDIA H100 80GB HBM3, 9.0"));
        return int.Parse(config.GetValueOrDefault("nvidia-smi.exit", "0"), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string? Value(string[] args, string prefix) =>
        args.FirstOrDefault(a => a.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..];

    private static Dictionary<string, string> ReadConfig(string path)
    {
        var config = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return config;
        foreach (var line in File.ReadAllLines(path))
        {
            int eq = line.IndexOf('=');
            if (eq > 0) config[line[..eq]] = line[(eq + 1)..];
        }
        return config;
    }
}
