using Microsoft.Build.Locator;
using ModelBuild.Core.Diagnostics;

namespace ModelBuild.Cli.Commands;

/// <summary>
/// <c>modelbuild lock</c>: shows a project's ModelAsset items as MSBuild evaluates them and checks (or, with
/// <c>--update</c>, rewrites) its <c>models.lock.json</c> against the artifacts of the last build. The project
/// is evaluated by the MSBuild of the SDK that builds it (Microsoft.Build.Locator), so items, defaults and
/// conditions are exactly the build's.
/// </summary>
internal static class LockCommand
{
    public const string Help = """
        Usage: modelbuild lock [--project <project file>] [--update] [-p:Name=Value]…

        Evaluates the project with the .NET SDK's MSBuild, lists its ModelAsset items with their evaluated
        metadata, and compares the project's models.lock.json with the artifacts its last build produced
        (under obj/modelbuild/). Each difference is printed as an MBLD40xx error, as a locked (CI) build would
        report it. It converts nothing: build the project first.

        Options:
          --project <file>   The project (.csproj, .fsproj, .vbproj). Default: the only project file in the
                             current folder.
          --update           Rewrite models.lock.json from the current artifacts (the same as
                             'dotnet build -p:ModelBuildUpdateLock=true', without building).
          -p:Name=Value      A global property for the evaluation (e.g. -p:Configuration=Release); repeatable.

        Exit codes: 0 the lock matches (or was updated); 1 the lock drifted; 2 bad usage, a project that does
        not use ModelBuild, invalid items, or artifacts missing or older than their inputs (MBLD4008: build
        first); 4 internal error.
        """;

    private static readonly ArgumentParser Parser = new ArgumentParser().Option("--project").Flag("--update");

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        // -p:Name=Value is MSBuild's spelling; the small parser knows only --name forms, so it is taken here.
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var rest = new List<string>();
        foreach (var arg in args)
        {
            if (arg.StartsWith("-p:", StringComparison.Ordinal) || arg.StartsWith("/p:", StringComparison.Ordinal))
            {
                var pair = arg[3..];
                var eq = pair.IndexOf('=');
                if (eq <= 0) throw ArgumentParser.Usage("lock", $"'{arg}' is not -p:Name=Value");
                properties[pair[..eq]] = pair[(eq + 1)..];
            }
            else rest.Add(arg);
        }
        var parsed = Parser.Parse(rest, "lock");
        if (parsed.Help)
        {
            stdout.WriteLine(Help);
            return 0;
        }
        if (parsed.Positionals.Count > 0) throw ArgumentParser.Usage("lock", $"unexpected argument '{parsed.Positionals[0]}'; the project is given with --project");
        var project = FindProject(parsed.Value("--project"));

        if (!MSBuildLocator.IsRegistered)
        {
            try
            {
                MSBuildLocator.RegisterDefaults();
            }
            catch (InvalidOperationException e)
            {
                throw new ModelBuildException(DiagnosticCode.FileNotFound, project, $"no .NET SDK with MSBuild was found to evaluate the project ({e.Message})");
            }
        }
        // Microsoft.Build types are touched only inside LockProject, which the JIT compiles after the Locator
        // has registered the SDK's MSBuild (a method that names them earlier would fail to load).
        return LockProject.Run(project, properties, parsed.Has("--update"), stdout, stderr);
    }

    private static string FindProject(string? given)
    {
        if (given is not null)
        {
            var full = Path.GetFullPath(given);
            if (Directory.Exists(full)) return SingleProjectIn(full);
            if (!File.Exists(full)) throw new ModelBuildException(DiagnosticCode.FileNotFound, given, "the project file does not exist");
            return full;
        }
        return SingleProjectIn(Directory.GetCurrentDirectory());
    }

    private static string SingleProjectIn(string folder)
    {
        var projects = Directory.GetFiles(folder, "*.*proj").Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".fsproj", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".vbproj", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToArray();
        return projects.Length switch
        {
            1 => projects[0],
            0 => throw ArgumentParser.Usage("lock", $"no project file in {folder}; name one with --project"),
            _ => throw ArgumentParser.Usage("lock", $"{projects.Length} project files in {folder} ({string.Join(", ", projects.Select(Path.GetFileName))}); name one with --project"),
        };
    }
}
