using ModelBuild.Core.Diagnostics;

namespace ModelBuild.Core.Importers.Onnx;

/// <summary>The reader's diagnostics, in one place so each code's wording stays consistent.</summary>
internal static class OnnxThrowHelper
{
    public static ModelBuildException Invalid(string path, string message) =>
        new(DiagnosticCode.OnnxInvalid, path, message);

    public static ModelBuildException Invalid(string path, string message, Exception inner) =>
        new(DiagnosticCode.OnnxInvalid, path, message, inner);

    public static ModelBuildException ExternalData(string path, string tensor, string message) =>
        new(DiagnosticCode.OnnxExternalData, path, $"External data of tensor '{tensor}': {message}");

    public static ModelBuildException Unsupported(string path, string message) =>
        new(DiagnosticCode.UnsupportedFeature, path, message);

    public static ModelBuildException ShapeMismatch(string path, string tensor, string dtype, IEnumerable<long> dims, long expected, long actual) =>
        new(DiagnosticCode.ShapeByteMismatch, path,
            $"Tensor '{tensor}' is {dtype}[{string.Join(",", dims)}] ({expected} bytes) but holds {actual} bytes.");
}
