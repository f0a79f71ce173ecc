using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Importers.PyTorch;
using ModelBuild.Core.Pipeline;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Cli.Commands;

/// <summary>
/// <c>modelbuild golden</c>: records reference data by running the model in PyTorch, so a user makes the golden
/// file for the equivalence gate in one command. The only place ModelBuild starts Python, and only on request.
/// </summary>
internal static class GoldenCommand
{
    public const string Help = """
        Usage: modelbuild golden <source.pt> --input <signature> -o <ref.npz> [--python <exe>] [--seed <n>]

        Runs a TorchScript model (torch.jit.trace(...).save / torch.jit.script(...).save) in PyTorch on seeded
        random inputs and writes the reference file the equivalence gate reads: input.<name> and
        output.<name> arrays in an .npz (numpy savez). A single output is 'output'; a tuple or list gives
        output_0, output_1, ... Inputs are drawn after torch.manual_seed(<seed>): floats from randn, integers
        from randint(0, 10), bools from randint(0, 2).

        Python: --python <exe>, else $MODELBUILD_PYTHON, else /usr/bin/python3, else python3 on PATH; the first
        that imports torch and numpy is used (a --python that cannot is an error, MBLD1160). The script is
        written to a temporary file and removed afterwards. The output is written only when the run succeeds.

        Options:
          --input <signature>   Input signature with fixed dims, e.g. "x: float32[1,3,224,224]"; repeatable,
                                in forward() argument order. Required.
          -o, --output <path>   Reference file to write (.npz). Required.
          --python <exe>        Python interpreter to use.
          --seed <n>            Seed for torch.manual_seed. Default: 0.

        Exit codes: 0 written; 2 bad usage, no Python with torch (MBLD1160), or the PyTorch run failed
                    (MBLD1161); 3 the source is not a TorchScript archive (MBLD2002/MBLD2003).
        """;

    private static readonly ArgumentParser Parser = new ArgumentParser()
        .Option("--input", repeatable: true).Option("--output", "-o").Option("--python").Option("--seed");

    /// <summary>Loads the TorchScript model, runs it on seeded inputs, and savez-es inputs and outputs.</summary>
    internal const string Script = """
        import json, sys
        import numpy as np
        import torch

        source, output, seed, specs = sys.argv[1], sys.argv[2], int(sys.argv[3]), json.loads(sys.argv[4])
        torch.manual_seed(seed)
        model = torch.jit.load(source, map_location="cpu")
        model.eval()
        inputs, arrays = [], {}
        for name, dtype, shape in specs:
            dt = getattr(torch, dtype)
            if dt.is_floating_point:
                t = torch.randn(shape, dtype=torch.float32).to(dt)
            elif dt == torch.bool:
                t = torch.randint(0, 2, shape).bool()
            else:
                t = torch.randint(0, 10, shape, dtype=dt)
            inputs.append(t)
            arrays["input." + name] = t.numpy()
        with torch.no_grad():
            result = model(*inputs)
        if isinstance(result, torch.Tensor):
            arrays["output.output"] = result.numpy()
        elif isinstance(result, (tuple, list)) and all(isinstance(r, torch.Tensor) for r in result):
            for i, r in enumerate(result):
                arrays["output.output_%d" % i] = r.numpy()
        else:
            raise SystemExit("the model returned %s; golden records a tensor or a tuple/list of tensors" % type(result).__name__)
        with open(output, "wb") as f:
            np.savez(f, **arrays)
        print(json.dumps(sorted(arrays)))
        """;

    public static int Run(IReadOnlyList<string> args, TextWriter stdout)
    {
        var parsed = Parser.Parse(args, "golden");
        if (parsed.Help)
        {
            stdout.WriteLine(Help);
            return 0;
        }
        var source = parsed.SinglePositional("golden", "source model file");
        var output = parsed.Value("--output") ?? throw ArgumentParser.Usage("golden", "missing -o <ref.npz>");
        var inputs = parsed.All("--input").SelectMany(InputSignature.ParseMany).ToArray();
        if (inputs.Length == 0) throw ArgumentParser.Usage("golden", "missing --input \"x: float32[1,3,224,224]\"");
        int seed = 0;
        if (parsed.Value("--seed") is { } seedText && !int.TryParse(seedText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out seed))
            throw new ModelBuildException(DiagnosticCode.InvalidOption, null, $"--seed '{seedText}' is not a whole number (see 'modelbuild golden --help')");
        foreach (var input in inputs)
        {
            if (!input.Shape.IsStatic)
                throw new ModelBuildException(DiagnosticCode.InvalidSignature, null, $"golden runs the model once, so every dim must be a number: '{input}' (see 'modelbuild golden --help')");
            if (input.ElementType is DataType.BFloat16 or DataType.String or DataType.UInt16 or DataType.UInt32 or DataType.UInt64)
                throw new ModelBuildException(DiagnosticCode.InvalidSignature, null, $"'{input}': numpy cannot store {DataTypes.Name(input.ElementType)} reference arrays");
        }

        // Only TorchScript carries the graph; a state_dict or a pickled module cannot be run from the file alone.
        var file = PyTorchReader.Read(source);
        if (file.Format != PyTorchFormat.TorchScript)
            throw new ModelBuildException(file.Root is PickleObject ? DiagnosticCode.PyTorchWholeModule : DiagnosticCode.UnsupportedFeature, source,
                "golden runs TorchScript archives only (torch.jit.trace(model, example).save(...)); this file holds weights or pickled objects without a graph");

        var python = FindPython(parsed.Value("--python"));
        var fullOutput = Path.GetFullPath(output);
        var folder = Path.GetDirectoryName(fullOutput)!;
        Directory.CreateDirectory(folder);
        var staging = Path.Combine(folder, $".{Path.GetFileName(fullOutput)}.{Guid.NewGuid():N}.tmp");
        var scriptPath = Path.Combine(Path.GetTempPath(), $"modelbuild-golden-{Guid.NewGuid():N}.py");
        try
        {
            File.WriteAllText(scriptPath, Script);
            var specs = JsonSerializer.Serialize(inputs.Select(i => new object[] { i.Name, DataTypes.Name(i.ElementType), i.Shape.Dims.Select(d => d.Value!.Value).ToArray() }));
            var (exit, _, stderr) = RunProcess(python, [scriptPath, Path.GetFullPath(source), staging, seed.ToString(System.Globalization.CultureInfo.InvariantCulture), specs], TimeSpan.FromMinutes(10));
            if (exit != 0)
                throw new ModelBuildException(DiagnosticCode.PythonRunFailed, source, $"{python} exited with code {exit} running the model: {Tail(stderr)}");
            File.Move(staging, fullOutput, overwrite: true);
        }
        finally
        {
            TryDelete(scriptPath);
            TryDelete(staging);
        }
        stdout.WriteLine($"wrote {output} ({string.Join(", ", inputs.Select(i => i.ToString()))}; seed {seed}; {python})");
        return 0;
    }

    /// <summary>The first candidate that imports torch and numpy; a named --python must work itself.</summary>
    internal static string FindPython(string? named)
    {
        if (named is not null)
        {
            if (Works(named, out var why)) return named;
            throw new ModelBuildException(DiagnosticCode.PythonNotFound, null, $"--python '{named}' cannot run PyTorch: {why}");
        }
        var tried = new List<string>();
        foreach (var candidate in new[] { Environment.GetEnvironmentVariable("MODELBUILD_PYTHON"), "/usr/bin/python3", "python3" })
        {
            if (string.IsNullOrWhiteSpace(candidate)) continue;
            if (Works(candidate, out var why)) return candidate;
            tried.Add($"{candidate} ({why})");
        }
        throw new ModelBuildException(DiagnosticCode.PythonNotFound, null,
            $"no Python with torch and numpy found; tried {string.Join("; ", tried)}. Install PyTorch (Debian: apt install python3-torch) or pass --python <exe> / set MODELBUILD_PYTHON");
    }

    private static bool Works(string python, out string why)
    {
        try
        {
            var (exit, _, stderr) = RunProcess(python, ["-c", "import torch, numpy"], TimeSpan.FromMinutes(2));
            why = exit == 0 ? "" : $"'import torch, numpy' failed: {Tail(stderr)}";
            return exit == 0;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            why = $"cannot be started ({e.Message})";
            return false;
        }
    }

    private static (int Exit, string Stdout, string Stderr) RunProcess(string exe, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new System.ComponentModel.Win32Exception("Process.Start returned nothing");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "", $"timed out after {timeout.TotalSeconds:0} s");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string Tail(string text)
    {
        var lines = text.Replace("\r", "").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Length == 0 ? "(no error output)" : string.Join(" | ", lines.TakeLast(3));
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
