using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Build.Evaluation;
using Microsoft.Build.Execution;
using Microsoft.Build.Framework;
using ModelBuild.Core.Diagnostics;
using ModelBuild.Tasks;
using ModelBuild.Tasks.Diagnostics;
using ModelBuild.Tasks.Locking;

namespace ModelBuild.Cli.Commands;

/// <summary>
/// The part of <c>modelbuild lock</c> that uses MSBuild's types: only reached after Microsoft.Build.Locator
/// registered the SDK's MSBuild. Assets are resolved by running the build's own ModelBuild_ResolveAssets
/// target (the same task, defaults and validation as <c>dotnet build</c>); entries and findings come from
/// the Tasks' Locking code, compiled into this assembly.
/// </summary>
internal static class LockProject
{
    private const int Drift = 1;

    // Shown per asset, in the order of DESIGN's contract table; empty values are left out.
    private static readonly string[] Shown =
    [
        Metadata.Targets, Metadata.Inputs, Metadata.Reference, Metadata.Atol, Metadata.Rtol, Metadata.Opset, Metadata.Precision,
        Metadata.ArchitectureFullPath, Metadata.Embed, Metadata.CopyToOutputDirectory, Metadata.ConverterVersions, Metadata.OutputDirectory,
    ];

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Run(string projectPath, IDictionary<string, string> properties, bool update, TextWriter stdout, TextWriter stderr)
    {
        using var collection = new ProjectCollection(properties);
        ProjectInstance instance;
        try
        {
            instance = collection.LoadProject(projectPath).CreateProjectInstance();
        }
        catch (Microsoft.Build.Exceptions.InvalidProjectFileException e)
        {
            throw new ModelBuildException(DiagnosticCode.FileNotFound, projectPath, $"MSBuild cannot evaluate the project: {e.Message}");
        }
        var projectDirectory = instance.Directory;
        if (!instance.GetItems("ModelAsset").Any())
        {
            stdout.WriteLine($"{projectPath}: no ModelAsset items; nothing to lock.");
            return 0;
        }
        if (!instance.Targets.ContainsKey("ModelBuild_ResolveAssets"))
            throw new ModelBuildException(DiagnosticCode.UsageError, projectPath,
                "the project declares ModelAsset items but does not import ModelBuild's targets; run 'dotnet restore' (or build it once) first");

        var logger = new CanonicalLogger(stderr);
        if (!instance.Build(["ModelBuild_ResolveAssets"], [logger]) || logger.Errors > 0) return (int)ExitCode.InvalidInput;

        var assets = instance.GetItems("_ModelBuild_Asset").Cast<ITaskItem>().ToArray();
        var lockFile = instance.GetPropertyValue("ModelBuildLockFile");
        var reader = new ModelLockEntryReader(projectDirectory, instance.GetPropertyValue("ModelBuildToolPath"), note => stderr.WriteLine($"{projectPath}: message : {note}"));
        stdout.WriteLine($"{projectPath}: {assets.Length} ModelAsset item(s); converter {Show(reader.ConverterVersionText)}; lock {lockFile}");

        var current = new List<ModelLockEntry>();
        var notBuilt = 0;
        foreach (var asset in assets)
        {
            stdout.WriteLine();
            stdout.WriteLine($"  {asset.GetMetadata(Metadata.RelativePath)}  →  ModelAssets.{asset.GetMetadata(Metadata.AccessorName)}");
            foreach (var name in Shown)
            {
                var value = asset.GetMetadata(name);
                if (name == Metadata.Opset && value.Length == 0) value = "(the source's; 17 for converted sources)";
                if (value.Length > 0) stdout.WriteLine($"      {(name == Metadata.ArchitectureFullPath ? Metadata.Architecture : name),-22}{value}");
            }
            var entry = ModelLockEntryReader.IsStale(asset) ? null : reader.Read(asset);
            if (entry is null)
            {
                notBuilt++;
                stderr.WriteLine(Line(asset.ItemSpec, TaskDiagnosticCode.LockNotBuilt,
                    $"no artifacts of the current model and options in {asset.GetMetadata(Metadata.OutputDirectory)} (never built, its last conversion failed, or an input changed since); run 'dotnet build' first"));
                continue;
            }
            current.Add(entry);
            foreach (var artifact in entry.Artifacts)
                stdout.WriteLine($"      artifact              {artifact.Key} ({artifact.Value.Target}, {artifact.Value.Size} bytes, sha256 {artifact.Value.Sha256[..12]}…)");
        }
        stdout.WriteLine();
        if (notBuilt > 0)
        {
            stdout.WriteLine($"{notBuilt} asset(s) have no current artifacts; build the project, then run 'modelbuild lock{(update ? " --update" : "")}' again.");
            return (int)ExitCode.InvalidInput;
        }

        if (update)
        {
            var text = ModelLockFormat.Render(current);
            if (File.Exists(lockFile) && File.ReadAllText(lockFile) == text)
            {
                stdout.WriteLine($"{lockFile} is up to date ({current.Count} asset(s)).");
                return 0;
            }
            File.WriteAllText(lockFile, text, new UTF8Encoding(false));
            stdout.WriteLine($"wrote {lockFile} ({current.Count} asset(s)); commit it.");
            return 0;
        }

        var findings = ModelLockCheck.Run(lockFile, current);
        if (findings.Count == 0)
        {
            stdout.WriteLine($"{lockFile} matches the last build's artifacts ({current.Count} asset(s)): no drift.");
            return 0;
        }
        foreach (var group in findings.GroupBy(f => f.Source))
            stdout.WriteLine($"drift in {(group.Key.Length == 0 ? ModelLockFormat.FileName : group.Key)}: {string.Join(", ", group.Select(f => f.Problem.Code.Id).Distinct())}");
        foreach (var (_, problem) in findings) stderr.WriteLine(Line(lockFile, problem.Code, problem.Message));
        return Drift;
    }

    private static string Line(string file, TaskDiagnosticCode code, string message) => $"{file}: error {code.Id}: {message}";

    private static string Show(string value) => value.Length == 0 ? "(not found)" : value;

    /// <summary>Forwards the evaluation's errors and warnings (the tasks' MBLD12xx) as canonical lines.</summary>
    private sealed class CanonicalLogger(TextWriter stderr) : ILogger
    {
        public int Errors { get; private set; }

        public LoggerVerbosity Verbosity { get; set; } = LoggerVerbosity.Quiet;

        public string? Parameters { get; set; }

        public void Initialize(IEventSource eventSource)
        {
            eventSource.ErrorRaised += (_, e) =>
            {
                Errors++;
                stderr.WriteLine($"{e.File}({e.LineNumber},{e.ColumnNumber}): error {e.Code}: {e.Message}");
            };
            eventSource.WarningRaised += (_, e) => stderr.WriteLine($"{e.File}({e.LineNumber},{e.ColumnNumber}): warning {e.Code}: {e.Message}");
        }

        public void Shutdown()
        {
        }
    }
}
