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
    public static readonly DiagnosticCode TorchScriptSyntax = new("MBLD2010", ExitCode.Unsupported, "TorchScript code cannot be parsed");
    public static readonly DiagnosticCode TorchScriptUnresolved = new("MBLD2011", ExitCode.Unsupported, "TorchScript name, class, method or attribute cannot be resolved");
    public static readonly DiagnosticCode TorchScriptNoOverload = new("MBLD2012", ExitCode.Unsupported, "no operator overload matches the call's arguments");
    public static readonly DiagnosticCode TorchScriptNotStatic = new("MBLD2013", ExitCode.Unsupported, "a value the conversion needs is not known at conversion time");
    public static readonly DiagnosticCode TorchScriptRaises = new("MBLD2014", ExitCode.Unsupported, "the TorchScript code raises an exception for the given inputs");
    public static readonly DiagnosticCode TorchScriptOperatorArguments = new("MBLD2015", ExitCode.Unsupported, "operator arguments not supported by its lowering");
    public static readonly DiagnosticCode TorchScriptInputs = new("MBLD2016", ExitCode.Unsupported, "TorchScript forward inputs do not match the input signature");
    public static readonly DiagnosticCode ModuleAttributeInvalid = new("MBLD2050", ExitCode.Unsupported, "torch.nn module attribute missing or of an unexpected type");
    public static readonly DiagnosticCode ModuleFeatureUnsupported = new("MBLD2051", ExitCode.Unsupported, "torch.nn module setting not converted");
    public static readonly DiagnosticCode ModuleWeightMismatch = new("MBLD2052", ExitCode.Unsupported, "torch.nn module weight does not match its hyperparameters");
    public static readonly DiagnosticCode ModuleInputMismatch = new("MBLD2053", ExitCode.Unsupported, "torch.nn module input has the wrong rank, size or dtype");
    public static readonly DiagnosticCode OutputGraphInvalid = new("MBLD2101", ExitCode.Internal, "converted graph failed structural checks");
    public static readonly DiagnosticCode OptimizationFailed = new("MBLD2102", ExitCode.Internal, "ONNX Runtime offline optimization failed");
    public static readonly DiagnosticCode TargetFailed = new("MBLD2103", ExitCode.Unsupported, "a deployment target could not be produced");

    // 23xx: OpenVINO IR target (writer, structural validator, back-translation).
    public static readonly DiagnosticCode OpenVinoUnsupportedOperator = new("MBLD2301", ExitCode.Unsupported, "operator cannot be expressed in OpenVINO IR");
    public static readonly DiagnosticCode OpenVinoUnsupportedFeature = new("MBLD2302", ExitCode.Unsupported, "operator attribute or input form not supported by the OpenVINO IR writer");
    public static readonly DiagnosticCode OpenVinoXmlInvalid = new("MBLD2303", ExitCode.Internal, "OpenVINO IR XML is malformed");
    public static readonly DiagnosticCode OpenVinoDuplicateId = new("MBLD2304", ExitCode.Internal, "OpenVINO IR layer or port id is not unique");
    public static readonly DiagnosticCode OpenVinoDanglingEdge = new("MBLD2305", ExitCode.Internal, "OpenVINO IR edge points at a missing layer or port");
    public static readonly DiagnosticCode OpenVinoInputConnection = new("MBLD2306", ExitCode.Internal, "OpenVINO IR input port not connected exactly once");
    public static readonly DiagnosticCode OpenVinoPortMismatch = new("MBLD2307", ExitCode.Internal, "OpenVINO IR port precision or dims differ along an edge");
    public static readonly DiagnosticCode OpenVinoConstRange = new("MBLD2308", ExitCode.Internal, "OpenVINO IR Const outside the .bin or of the wrong size");
    public static readonly DiagnosticCode OpenVinoUnknownOperation = new("MBLD2309", ExitCode.Internal, "OpenVINO IR layer type or opset version unknown");
    public static readonly DiagnosticCode OpenVinoGraphShape = new("MBLD2310", ExitCode.Internal, "OpenVINO IR has no Parameter or Result, or a cycle");
    public static readonly DiagnosticCode OpenVinoBackTranslation = new("MBLD2311", ExitCode.Internal, "OpenVINO IR cannot be translated back to ONNX");

    // 24xx: Core ML ML Program target (writer, structural validator).
    public static readonly DiagnosticCode CoreMlUnsupportedOperator = new("MBLD2401", ExitCode.Unsupported, "operator cannot be expressed in a Core ML ML Program");
    public static readonly DiagnosticCode CoreMlUnsupportedFeature = new("MBLD2402", ExitCode.Unsupported, "operator attribute, input form, type or rank not supported by the Core ML writer");
    public static readonly DiagnosticCode CoreMlPackageInvalid = new("MBLD2403", ExitCode.Internal, "Core ML package layout or manifest invalid");
    public static readonly DiagnosticCode CoreMlModelInvalid = new("MBLD2404", ExitCode.Internal, "Core ML model protobuf invalid");
    public static readonly DiagnosticCode CoreMlUndefinedValue = new("MBLD2405", ExitCode.Internal, "Core ML operation input names an undefined value");
    public static readonly DiagnosticCode CoreMlBlobInvalid = new("MBLD2406", ExitCode.Internal, "Core ML weight blob reference invalid");
    public static readonly DiagnosticCode CoreMlRoundTrip = new("MBLD2407", ExitCode.Internal, "Core ML model protobuf does not round-trip byte for byte");
    public static readonly DiagnosticCode CoreMlInterfaceMismatch = new("MBLD2408", ExitCode.Internal, "Core ML model description does not match the program's inputs and outputs");

    // 22xx: the TFLite target (Exporters/TfLite). Each fails that target only; the other targets are still produced.
    public static readonly DiagnosticCode TfLiteUnsupportedOperator = new("MBLD2201", ExitCode.Unsupported, "operator cannot be expressed in TFLite");
    public static readonly DiagnosticCode TfLiteUnsupportedAttribute = new("MBLD2202", ExitCode.Unsupported, "operator form cannot be expressed in TFLite");
    public static readonly DiagnosticCode TfLiteDynamicShape = new("MBLD2203", ExitCode.Unsupported, "TFLite needs static shapes");
    public static readonly DiagnosticCode TfLiteUnsupportedDataType = new("MBLD2204", ExitCode.Unsupported, "element type not supported by the TFLite writer");
    public static readonly DiagnosticCode TfLiteTooLarge = new("MBLD2205", ExitCode.Unsupported, "model too large for a TFLite flatbuffer");

    // 3xxx: equivalence gate.
    public static readonly DiagnosticCode GateFailed = new("MBLD3001", ExitCode.GateFailed, "outputs differ from the reference beyond tolerance");
    public static readonly DiagnosticCode NonFiniteOutput = new("MBLD3002", ExitCode.GateFailed, "model produced NaN or Inf");
    public static readonly DiagnosticCode NoReference = new("MBLD3003", ExitCode.Success, "no reference data: equivalence with the source not checked");
    public static readonly DiagnosticCode RuntimeFailed = new("MBLD3004", ExitCode.GateFailed, "ONNX Runtime could not load or run the model");
    public static readonly DiagnosticCode OutputContractMismatch = new("MBLD3005", ExitCode.GateFailed, "model outputs do not match the reference's names, dtypes or shapes");
    public static readonly DiagnosticCode NearMiss = new("MBLD3006", ExitCode.Success, "outputs pass but are close to the tolerance");
    public static readonly DiagnosticCode TfLiteRuntimeFailed = new("MBLD3007", ExitCode.GateFailed, "the TFLite runtime (LiteRT.js) could not load or run the artifact");
    public static readonly DiagnosticCode TargetNoFittingInputs = new("MBLD3008", ExitCode.Success, "no input set fits the fixed shapes a target was written with");

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
