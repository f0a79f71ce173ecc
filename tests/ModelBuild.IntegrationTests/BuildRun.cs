using Microsoft.Build.Logging.StructuredLogger;
using LoggedTask = Microsoft.Build.Logging.StructuredLogger.Task;

namespace ModelBuild.IntegrationTests;

/// <summary>One finished build: its process result and what its binary log says ran.</summary>
internal sealed class BuildRun
{
    private Build? _log;

    public BuildRun(ProcessResult result, string binlog)
    {
        Result = result;
        Binlog = binlog;
    }

    public ProcessResult Result { get; }

    public string Binlog { get; }

    public bool Succeeded => Result.ExitCode == 0;

    private Build Log => _log ??= BinaryLog.ReadBuild(Binlog);

    /// <summary>How many times a task ran (a skipped target runs none of its tasks).</summary>
    public int TaskRuns(string taskName) => Log.FindChildrenRecursive<LoggedTask>(t => t.Name == taskName).Count;

    public IReadOnlyList<Error> Errors => Log.FindChildrenRecursive<Error>();

    public IReadOnlyList<Warning> Warnings => Log.FindChildrenRecursive<Warning>();

    public IReadOnlyList<string> ErrorCodes => Errors.Select(e => e.Code).ToArray();

    public override string ToString() => Result.ToString();
}
