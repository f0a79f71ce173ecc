using System.Collections.Generic;

namespace ModelBuild.Tasks.Diagnostics;

/// <summary>
/// The diagnostics the MSBuild tasks raise themselves. The converter's own codes live in
/// <c>ModelBuild.Core/Diagnostics/DiagnosticCode.cs</c> and reach the build unchanged through ToolTask's
/// canonical-line parsing; this assembly cannot reference Core (netstandard2.0, and Core brings ONNX Runtime),
/// so the task-side codes sit here, in ranges DESIGN reserves for them and never reused:
/// MBLD12xx configuration found by the task, MBLD40xx lock and drift, MBLD91xx task-side internal failures.
/// </summary>
internal sealed class TaskDiagnosticCode
{
    private TaskDiagnosticCode(string id, string title)
    {
        Id = id;
        Title = title;
    }

    public string Id { get; }

    public string Title { get; }

    public string HelpLink => "https://github.com/modelbuild/modelbuild/blob/main/docs/diagnostics.md#" + Id.ToLowerInvariant();

    // 12xx: configuration of a ModelAsset item, checked before any converter runs.
    public static readonly TaskDiagnosticCode ModelFileNotFound = new("MBLD1201", "ModelAsset file not found");
    public static readonly TaskDiagnosticCode UnknownTarget = new("MBLD1202", "unknown value in Targets");
    public static readonly TaskDiagnosticCode MalformedInputs = new("MBLD1203", "malformed Inputs signature");
    public static readonly TaskDiagnosticCode ReferenceUnreadable = new("MBLD1204", "Reference file missing or unreadable");
    public static readonly TaskDiagnosticCode InvalidOpset = new("MBLD1205", "Opset is not a positive whole number");
    public static readonly TaskDiagnosticCode InvalidPrecision = new("MBLD1206", "Precision is not fp32 or fp16");
    public static readonly TaskDiagnosticCode ArchitectureNotFound = new("MBLD1207", "Architecture file not found");
    public static readonly TaskDiagnosticCode InvalidAccessorName = new("MBLD1208", "AccessorName is not a C# identifier");
    public static readonly TaskDiagnosticCode DuplicateAccessorName = new("MBLD1209", "two ModelAsset items share an AccessorName");
    public static readonly TaskDiagnosticCode InvalidEmbedding = new("MBLD1210", "Embed or CopyToOutputDirectory has an unknown value");
    public static readonly TaskDiagnosticCode InvalidTolerance = new("MBLD1211", "Atol or Rtol is malformed");
    public static readonly TaskDiagnosticCode InvalidConverterVersions = new("MBLD1212", "ConverterVersions is not a NuGet version range");
    public static readonly TaskDiagnosticCode ConverterNotFound = new("MBLD1220", "the modelbuild converter (modelbuild.dll) was not found");
    public static readonly TaskDiagnosticCode DotnetHostNotFound = new("MBLD1221", "no dotnet host to run the converter");

    // 4xxx: models.lock.json and drift, errors in locked mode.
    public static readonly TaskDiagnosticCode LockEntryMissing = new("MBLD4001", "models.lock.json is missing or has no entry for an asset");
    public static readonly TaskDiagnosticCode LockSourceChanged = new("MBLD4002", "a model, reference or architecture file differs from the lock");
    public static readonly TaskDiagnosticCode LockOptionsChanged = new("MBLD4003", "an asset's conversion options differ from the lock");
    public static readonly TaskDiagnosticCode LockArtifactChanged = new("MBLD4004", "a converted artifact's bytes differ from the lock");
    public static readonly TaskDiagnosticCode LockToolchainChanged = new("MBLD4005", "the converter or ONNX Runtime version differs from the lock");
    public static readonly TaskDiagnosticCode LockUnreadable = new("MBLD4006", "models.lock.json cannot be read");
    public static readonly TaskDiagnosticCode LockEntryStale = new("MBLD4007", "models.lock.json has an entry for an asset the project no longer declares");
    public static readonly TaskDiagnosticCode LockNotBuilt = new("MBLD4008", "modelbuild lock found no current artifacts for an asset: build the project first");

    // 91xx: the converter process failed in a way its own diagnostics do not explain.
    public static readonly TaskDiagnosticCode ConverterCrashed = new("MBLD9101", "the converter exited abnormally");
    public static readonly TaskDiagnosticCode ConverterTimedOut = new("MBLD9102", "the converter did not finish in time");
    public static readonly TaskDiagnosticCode ArtifactMissing = new("MBLD9103", "the converter reported success but an expected artifact is missing");
    public static readonly TaskDiagnosticCode SignatureUnreadable = new("MBLD9104", "the converter's signature file cannot be read (warning)");

    public static IReadOnlyList<TaskDiagnosticCode> All { get; } = new[]
    {
        ModelFileNotFound, UnknownTarget, MalformedInputs, ReferenceUnreadable, InvalidOpset, InvalidPrecision,
        ArchitectureNotFound, InvalidAccessorName, DuplicateAccessorName, InvalidEmbedding, InvalidTolerance, InvalidConverterVersions,
        LockEntryMissing, LockSourceChanged, LockOptionsChanged, LockArtifactChanged, LockToolchainChanged, LockUnreadable, LockEntryStale, LockNotBuilt,
        ConverterNotFound, DotnetHostNotFound, ConverterCrashed, ConverterTimedOut, ArtifactMissing, SignatureUnreadable,
    };
}
