using System.Diagnostics.CodeAnalysis;
using ModelBuild.Core.Diagnostics;

namespace ModelBuild.Core.Tensors.Safetensors;

/// <summary>
/// Builds the reader's errors in one place so every message carries the file and the code the design assigns:
/// header problems MBLD1101, ranges MBLD1102, dtypes MBLD1103, shape against bytes MBLD1104.
/// </summary>
internal static class SafetensorsThrowHelper
{
    [DoesNotReturn]
    public static void ThrowHeader(string path, string message, Exception? inner = null) =>
        throw new ModelBuildException(DiagnosticCode.SafetensorsHeader, path, $"{Path.GetFileName(path)}: {message}", inner);

    [DoesNotReturn]
    public static void ThrowRange(string path, string message) =>
        throw new ModelBuildException(DiagnosticCode.SafetensorsRange, path, $"{Path.GetFileName(path)}: {message}");

    [DoesNotReturn]
    public static void ThrowUnknownDataType(string path, string tensor, string dtype) =>
        throw new ModelBuildException(DiagnosticCode.UnknownDataType, path,
            $"{Path.GetFileName(path)}: tensor '{tensor}' has dtype '{dtype}', which ModelBuild does not support (supported: F32 F16 BF16 F64 I8 I16 I32 I64 U8 U16 U32 U64 BOOL).");

    [DoesNotReturn]
    public static void ThrowShapeMismatch(string path, string tensor, string dtype, IReadOnlyList<long> shape, long expected, long begin, long end) =>
        throw new ModelBuildException(DiagnosticCode.ShapeByteMismatch, path,
            $"{Path.GetFileName(path)}: tensor '{tensor}' is {dtype}[{string.Join(",", shape)}] and needs {expected} bytes, but its data_offsets [{begin}, {end}] span {end - begin} bytes.");
}
