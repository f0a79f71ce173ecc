namespace ModelBuild.Core.Diagnostics;

/// <summary>
/// Every diagnostic ModelBuild emits, in one table. Codes are <c>MBLD</c> + four digits and are never reused:
/// 1xxx configuration and input, 2xxx conversion, 3xxx equivalence gate, 4xxx lock and drift, 5xxx cache,
/// 9xxx internal. Each code has an entry in docs/diagnostics.md (message, cause, fix); a test keeps the two in step.
/// </summary>
public sealed record DiagnosticCode(string Id, ExitCode Exit, string Title)
{
    // 1xxx: configuration and input.
    public static readonly DiagnosticCode UsageError = new("MBLD1001", ExitCode.InvalidInput, "invalid command line");
    public static readonly DiagnosticCode FileNotFound = new("MBLD1002", ExitCode.InvalidInput, "file not found");
    public static readonly DiagnosticCode UnknownSourceFormat = new("MBLD1003", ExitCode.InvalidInput, "unrecognised source format");
    public static readonly DiagnosticCode InvalidSignature = new("MBLD1004", ExitCode.InvalidInput, "malformed input signature");
    public static readonly DiagnosticCode InvalidOption = new("MBLD1005", ExitCode.InvalidInput, "invalid option value");
    public static readonly DiagnosticCode OutputNotWritable = new("MBLD1006", ExitCode.InvalidInput, "output cannot be written");
    public static readonly DiagnosticCode TargetToolMissing = new("MBLD1007", ExitCode.InvalidInput, "a tool a target needs is not installed");
    public static readonly DiagnosticCode SafetensorsHeader = new("MBLD1101", ExitCode.InvalidInput, "invalid safetensors header");
    public static readonly DiagnosticCode SafetensorsRange = new("MBLD1102", ExitCode.InvalidInput, "safetensors tensor outside its data section or overlapping another");
    public static readonly DiagnosticCode UnknownDataType = new("MBLD1103", ExitCode.InvalidInput, "unknown tensor dtype");
    public static readonly DiagnosticCode ShapeByteMismatch = new("MBLD1104", ExitCode.InvalidInput, "tensor shape does not match its byte length");
    public static readonly DiagnosticCode NumpyInvalid = new("MBLD1110", ExitCode.InvalidInput, "invalid .npy/.npz file");
    public static readonly DiagnosticCode OnnxInvalid = new("MBLD1120", ExitCode.InvalidInput, "ONNX file cannot be parsed");
    public static readonly DiagnosticCode OnnxExternalData = new("MBLD1121", ExitCode.InvalidInput, "ONNX external data missing or out of range");
    public static readonly DiagnosticCode GraphInvalid = new("MBLD1122", ExitCode.InvalidInput, "graph is structurally invalid");
    public static readonly DiagnosticCode ReferenceInvalid = new("MBLD1130", ExitCode.InvalidInput, "reference data does not fit the model");
    public static readonly DiagnosticCode WeightsMismatch = new("MBLD1140", ExitCode.InvalidInput, "weights do not match the architecture");
    public static readonly DiagnosticCode NameMapInvalid = new("MBLD1141", ExitCode.InvalidInput, "invalid weight name map");
    public static readonly DiagnosticCode ArchitectureRequired = new("MBLD1142", ExitCode.InvalidInput, "weights-only source needs an architecture");
    public static readonly DiagnosticCode PyTorchArchiveInvalid = new("MBLD1150", ExitCode.InvalidInput, "invalid PyTorch archive");
    public static readonly DiagnosticCode PickleInvalid = new("MBLD1151", ExitCode.InvalidInput, "malformed pickle");
    public static readonly DiagnosticCode PickleGlobalRefused = new("MBLD1152", ExitCode.InvalidInput, "pickle names a global that is not allowed");
    public static readonly DiagnosticCode PickleLimitExceeded = new("MBLD1153", ExitCode.InvalidInput, "pickle exceeds a reader limit");
    public static readonly DiagnosticCode PyTorchStorageInvalid = new("MBLD1154", ExitCode.InvalidInput, "tensor storage missing, too small, or a view outside it");
    public static readonly DiagnosticCode PyTorchNoStateDict = new("MBLD1155", ExitCode.InvalidInput, "PyTorch file holds no state_dict");
    public static readonly DiagnosticCode ModuleInputRequired = new("MBLD1156", ExitCode.InvalidInput, "pickled whole module needs an input signature");
    public static readonly DiagnosticCode PythonNotFound = new("MBLD1160", ExitCode.InvalidInput, "no Python with torch found");
    public static readonly DiagnosticCode PythonRunFailed = new("MBLD1161", ExitCode.InvalidInput, "the PyTorch reference run failed");

    // 2xxx: conversion.
    public static readonly DiagnosticCode UnsupportedOperator = new("MBLD2001", ExitCode.Unsupported, "unsupported operator");
    public static readonly DiagnosticCode UnsupportedFeature = new("MBLD2002", ExitCode.Unsupported, "unsupported model feature");
    public static readonly DiagnosticCode PyTorchWholeModule = new("MBLD2003", ExitCode.Unsupported, "pickled whole module cannot be converted");
    public static readonly DiagnosticCode ModuleAttributeInvalid = new("MBLD2050", ExitCode.Unsupported, "torch.nn module attribute missing or of an unexpected type");
    public static readonly DiagnosticCode ModuleFeatureUnsupported = new("MBLD2051", ExitCode.Unsupported, "torch.nn module setting not converted");
    public static readonly DiagnosticCode ModuleWeightMismatch = new("MBLD2052", ExitCode.Unsupported, "torch.nn module weight does not match its hyperparameters");
    public static readonly DiagnosticCode ModuleInputMismatch = new("MBLD2053", ExitCode.Unsupported, "torch.nn module input has the wrong rank, size or dtype");
    public static readonly DiagnosticCode OutputGraphInvalid = new("MBLD2101", ExitCode.Internal, "converted graph failed structural checks");
    public static readonly DiagnosticCode OptimizationFailed = new("MBLD2102", ExitCode.Internal, "ONNX Runtime offline optimization failed");
    public static readonly DiagnosticCode TargetFailed = new("MBLD2103", ExitCode.Unsupported, "a deployment target could not be produced");

    // 3xxx: equivalence gate.
    public static readonly DiagnosticCode GateFailed = new("MBLD3001", ExitCode.GateFailed, "outputs differ from the reference beyond tolerance");
    public static readonly DiagnosticCode NonFiniteOutput = new("MBLD3002", ExitCode.GateFailed, "model produced NaN or Inf");
    public static readonly DiagnosticCode NoReference = new("MBLD3003", ExitCode.Success, "no reference data: equivalence with the source not checked");
    public static readonly DiagnosticCode RuntimeFailed = new("MBLD3004", ExitCode.GateFailed, "ONNX Runtime could not load or run the model");
    public static readonly DiagnosticCode OutputContractMismatch = new("MBLD3005", ExitCode.GateFailed, "model outputs do not match the reference's names, dtypes or shapes");
    public static readonly DiagnosticCode NearMiss = new("MBLD3006", ExitCode.Success, "outputs pass but are close to the tolerance");

    // 9xxx: internal.
    public static readonly DiagnosticCode InternalError = new("MBLD9001", ExitCode.Internal, "internal error");

    /// <summary>All codes, for the documentation test and for lookups by id.</summary>
    public static IReadOnlyList<DiagnosticCode> All { get; } = typeof(DiagnosticCode)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticCode))
        .Select(f => (DiagnosticCode)f.GetValue(null)!)
        .OrderBy(c => c.Id, StringComparer.Ordinal)
        .ToArray();

    public string HelpLink => $"https://github.com/modelbuild/modelbuild/blob/main/docs/diagnostics.md#{Id.ToLowerInvariant()}";
}
