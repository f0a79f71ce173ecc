using System.Diagnostics;

namespace ModelBuild.Cli.Tests.Acceptance;

/// <summary>
/// Runs <c>tests/fixtures/targets/generate.py</c> once per test run into a temporary folder (the models are not
/// committed: resnet18 alone is ~47 MB). Only constructed when the tests are not skipped, i.e. when
/// <c>/usr/bin/python3</c> imports torch and torchvision (<see cref="TargetModelsTheoryAttribute"/>).
/// </summary>
public sealed class TargetModelsFixture : IDisposable
{
    public TargetModelsFixture()
    {
        Directory.CreateDirectory(Folder);
        var info = new ProcessStartInfo(TargetModelsTheoryAttribute.Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(TargetModelsTheoryAttribute.RepositoryRoot, "tests", "fixtures", "targets", "generate.py"));
        info.ArgumentList.Add(Folder);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("generate.py did not finish in 5 minutes");
        }
        Log = stdout.Result + stderr.Result;
        if (process.ExitCode != 0) throw new InvalidOperationException($"generate.py failed ({process.ExitCode}):\n{Log}");
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "modelbuild-target-models", Guid.NewGuid().ToString("N"));

    /// <summary>What the generator printed (sizes, output magnitudes).</summary>
    public string Log { get; }

    public string Model(string name) => Path.Combine(Folder, name + ".onnx");

    public string Reference(string name) => Path.Combine(Folder, name + ".ref.npz");

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class TargetModelsCollection : ICollectionFixture<TargetModelsFixture>
{
    public const string Name = "target acceptance models";
}

/// <summary>
/// A theory over the acceptance models: skipped, with the reason, when <c>/usr/bin/python3</c> cannot import torch
/// and torchvision (python3-torch, python3-torchvision) or when LiteRT.js is not installed for the tflite check.
/// </summary>
public sealed class TargetModelsTheoryAttribute : TheoryAttribute
{
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<string?> Missing = new(Probe);

    public TargetModelsTheoryAttribute()
    {
        if (Missing.Value is { } reason) Skip = reason;
    }

    public static string RepositoryRoot { get; } = FindRoot();

    private static string? Probe()
    {
        try
        {
            var info = new ProcessStartInfo(Python) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add("import torch, torchvision, numpy");
            using var process = Process.Start(info)!;
            if (!process.WaitForExit(120_000)) return $"{Python} did not answer 'import torch, torchvision, numpy' within 2 minutes";
            if (process.ExitCode != 0) return $"{Python} cannot import torch, torchvision and numpy (install python3-torch python3-torchvision to run the target acceptance models)";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"no Python at {Python} ({e.Message}); install python3-torch and python3-torchvision to run the target acceptance models";
        }
        return TfLiteRunnerFolder.UnavailableReason is { } tflite ? "the tflite check needs LiteRT.js: " + tflite : null;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ModelBuild.sln"))) return dir.FullName;
        throw new InvalidOperationException("ModelBuild.sln not found above " + AppContext.BaseDirectory);
    }
}
