using ModelBuild.Tasks.Diagnostics;

namespace ModelBuild.Tasks;

/// <summary>One configuration error found in a ModelAsset item, before it is logged at the item's line.</summary>
internal sealed class Problem
{
    public Problem(TaskDiagnosticCode code, string message)
    {
        Code = code;
        Message = message;
    }

    public TaskDiagnosticCode Code { get; }

    public string Message { get; }
}
