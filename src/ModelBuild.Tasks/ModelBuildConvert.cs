using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ModelBuild.Tasks.Diagnostics;

namespace ModelBuild.Tasks;

/// <summary>
/// Runs <c>dotnet modelbuild.dll convert …</c> for one asset, out of process like ILLink and Crossgen2: the
/// converter loads ONNX Runtime and possibly gigabytes of weights, which a reused MSBuild node must never hold.
/// The converter prints its diagnostics as canonical MSBuild lines (<c>file: error MBLD2001: …</c>), which
/// ToolTask's default output parsing turns into errors and warnings with their codes; this task adds only
/// what the converter cannot say itself: that it crashed, hung, or claimed success without its artifacts.
/// </summary>
public sealed class ModelBuildConvert : ToolTask
{
    private const int TailLines = 25;
    private readonly Queue<string> _tail = new();
    private readonly Stopwatch _clock = new();
    private bool _timedOut;
    private int _warnings;

    /// <summary>One <c>_ModelBuild_Asset</c> item from <see cref="ModelBuildResolveAssets"/>.</summary>
    [Required]
    public ITaskItem? Asset { get; set; }

    /// <summary>Full path of <c>modelbuild.dll</c> (packaged under tools/, overridable for tests and samples).</summary>
    [Required]
    public string ConverterPath { get; set; } = "";

    /// <summary>The <c>dotnet</c> that runs the converter; the targets pass <c>$(DOTNET_HOST_PATH)</c>.</summary>
    public string DotnetHostPath { get; set; } = "";

    /// <summary>Locked (CI) mode: a target whose toolchain is missing fails instead of being skipped with a warning.</summary>
    public bool LockedMode { get; set; }

    /// <summary>Folder for the converter's toolchain caches (TensorRT timing cache); empty leaves the converter's default.</summary>
    public string CacheDirectory { get; set; } = "";

    /// <summary>The files the conversion made (Core ML packages excluded: they are folders), to touch.</summary>
    [Output]
    public ITaskItem[] Artifacts { get; private set; } = Array.Empty<ITaskItem>();

    // Never through a shell: arguments hold user paths and signatures with spaces and brackets.
    private new bool UseCommandProcessor { get; set; }

    protected override string ToolName => Path.DirectorySeparatorChar == '\\' ? "dotnet.exe" : "dotnet";

    protected override MessageImportance StandardErrorLoggingImportance => MessageImportance.Normal;

    protected override string GenerateFullPathToTool()
    {
        if (!string.IsNullOrEmpty(DotnetHostPath)) return DotnetHostPath;
        return FindOnPath(ToolName) ?? ToolName;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Where(d => d.Length > 0)
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);

    protected override bool ValidateParameters()
    {
        var source = Asset?.ItemSpec ?? "";
        if (!File.Exists(ConverterPath))
            LogTaskError(TaskDiagnosticCode.ConverterNotFound, source,
                $"the converter '{ConverterPath}' does not exist; restore the ModelBuild package again, or set ModelBuildToolPath to a built modelbuild.dll");
        var host = GenerateFullPathToTool();
        if (Path.IsPathRooted(host) ? !File.Exists(host) : FindOnPath(host) is null)
            LogTaskError(TaskDiagnosticCode.DotnetHostNotFound, source,
                $"no dotnet host at '{host}' to run the converter; build with the dotnet CLI (it sets DOTNET_HOST_PATH) or set ModelBuildDotnetHostPath");
        return !Log.HasLoggedErrors && base.ValidateParameters();
    }

    protected override string GenerateCommandLineCommands()
    {
        var asset = Asset!;
        var source = asset.ItemSpec;
        var outputDirectory = asset.GetMetadata(Metadata.OutputDirectory);
        var targets = TargetFormats.Split(asset.GetMetadata(Metadata.Targets));
        var builder = new CommandLineBuilder(quoteHyphensOnCommandLine: false, useNewLineSeparator: false);
        builder.AppendFileNameIfNotNull(ConverterPath);
        builder.AppendTextUnquoted(" convert");
        builder.AppendFileNameIfNotNull(source);
        // -o names a file for one target and a folder for several (DESIGN's contract).
        builder.AppendSwitchIfNotNull("-o ", targets.Count == 1 ? asset.GetMetadata(Metadata.OutputFile) : outputDirectory);
        builder.AppendSwitchIfNotNull("--targets ", string.Join(",", targets));
        foreach (var input in InputsSyntax.Entries(asset.GetMetadata(Metadata.Inputs)))
            builder.AppendSwitchIfNotNull("--input ", input);
        AppendIfSet(builder, "--opset ", asset.GetMetadata(Metadata.Opset));
        AppendIfSet(builder, "--precision ", asset.GetMetadata(Metadata.Precision));
        AppendIfSet(builder, "--architecture ", asset.GetMetadata(Metadata.ArchitectureFullPath));
        AppendIfSet(builder, "--reference ", asset.GetMetadata(Metadata.Reference));
        AppendIfSet(builder, "--atol ", asset.GetMetadata(Metadata.Atol));
        AppendIfSet(builder, "--rtol ", asset.GetMetadata(Metadata.Rtol));
        builder.AppendSwitchIfNotNull("--report ", ArtifactPaths.ReportFile(outputDirectory, source));
        if (LockedMode) builder.AppendSwitch("--locked");
        AppendIfSet(builder, "--optional-targets ", asset.GetMetadata(Metadata.OptionalTargets));
        AppendIfSet(builder, "--cache-dir ", CacheDirectory);
        return builder.ToString();
    }

    /// <summary>The arguments after the dotnet host, for tests (house rule: assert the exact command line).</summary>
    internal string CommandLine => GenerateCommandLineCommands();

    private static void AppendIfSet(CommandLineBuilder builder, string option, string value)
    {
        if (!string.IsNullOrWhiteSpace(value)) builder.AppendSwitchIfNotNull(option, value.Trim());
    }

    public override bool Execute()
    {
        if (!base.Execute()) return false;
        var asset = Asset!;
        var predicted = ArtifactPaths.All(asset.GetMetadata(Metadata.OutputDirectory), asset.ItemSpec, TargetFormats.Split(asset.GetMetadata(Metadata.Targets)));
        var made = predicted.Where(p => ArtifactPaths.Exists(p.Path)).ToArray();
        // A target whose toolchain is missing (TensorRT without a GPU) is skipped with a converter warning and
        // leaves no file; that is the contract working. Nothing at all, and not a word about it, is not.
        if (made.Length == 0 && _warnings == 0)
        {
            LogTaskError(TaskDiagnosticCode.ArtifactMissing, asset.ItemSpec,
                $"the converter exited with code 0 but wrote none of {string.Join(", ", predicted.Select(p => p.Path))}{TailForMessage()}");
            return false;
        }
        Artifacts = made.Where(p => !p.IsFolder).Select(p => (ITaskItem)new TaskItem(p.Path)).ToArray();
        return true;
    }

    protected override int ExecuteTool(string pathToTool, string responseFileCommands, string commandLineCommands)
    {
        _clock.Restart();
        var exitCode = base.ExecuteTool(pathToTool, responseFileCommands, commandLineCommands);
        _clock.Stop();
        // ToolTask returns false on its own after killing a tool that ran past Timeout, without calling
        // HandleTaskExecutionErrors and with only a generic warning; the timeout error is logged here.
        if (exitCode != 0 && Timeout > 0 && _clock.ElapsedMilliseconds >= Timeout && !ToolCanceled.WaitOne(0))
        {
            _timedOut = true;
            LogTaskError(TaskDiagnosticCode.ConverterTimedOut, Asset?.ItemSpec ?? "",
                $"the converter did not finish within {Timeout / 1000.0:0.#} s and was stopped (raise ModelBuildConvertTimeoutSeconds if the model is that large){TailForMessage()}");
        }
        return exitCode;
    }

    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        if (singleLine.IndexOf(": warning MBLD", StringComparison.Ordinal) >= 0) _warnings++;
        lock (_tail)
        {
            _tail.Enqueue(singleLine);
            while (_tail.Count > TailLines) _tail.Dequeue();
        }
        base.LogEventsFromTextOutput(singleLine, messageImportance);
    }

    /// <summary>
    /// Reached when the converter exits non-zero. Exit codes 1–4 with an MBLD error already logged are the
    /// contract working; anything else (a runtime crash, a kill, a silent failure, a timeout) gets a code of
    /// its own with the tail of the converter's output, the only clue a user has.
    /// </summary>
    protected override bool HandleTaskExecutionErrors()
    {
        var source = Asset?.ItemSpec ?? "";
        if (ToolCanceled.WaitOne(0)) return false;
        if (_timedOut) return false;
        if (ExitCode >= 1 && ExitCode <= 4 && HasLoggedErrors) return false;
        LogTaskError(TaskDiagnosticCode.ConverterCrashed, source,
            $"the converter exited with code {ExitCode} without reporting an MBLD error; this is a defect in ModelBuild, please report it{TailForMessage()}");
        return false;
    }

    private string TailForMessage()
    {
        string[] lines;
        lock (_tail) lines = _tail.ToArray();
        return lines.Length == 0 ? " (it printed nothing)" : ". Last output:" + Environment.NewLine + string.Join(Environment.NewLine, lines.Select(l => "    " + l));
    }

    private void LogTaskError(TaskDiagnosticCode code, string file, string message) =>
        Log.LogError(null, code.Id, null, code.HelpLink, file, 0, 0, 0, 0, message);
}
