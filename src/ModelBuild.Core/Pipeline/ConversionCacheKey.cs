using System.Globalization;
using ModelBuild.Core.Caching;
using ModelBuild.Core.Verification;

namespace ModelBuild.Core.Pipeline;

/// <summary>
/// The facts a conversion's result depends on, hashed into its cache key: the bytes of every input file, every
/// option, the output names, and the versions of the converter and of ONNX Runtime (which writes the ORT format
/// and runs the gate). Anything left out here would let a stale result be served, so when in doubt a fact is in.
/// </summary>
public static class ConversionCacheKey
{
    public const string Schema = "modelbuild.cache/1";

    /// <summary>
    /// Null when the request must not be cached: TensorRT engines belong to one machine's GPU and TensorRT
    /// version, and a skipped conversion (<c>--no-verify</c>) is not a result worth sharing.
    /// </summary>
    public static string? For(ConversionRequest request, string? referencePath, IReadOnlyDictionary<string, string> fileNames)
    {
        if (!request.Verify || request.Targets.Contains("tensorrt")) return null;
        var facts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["schema"] = Schema,
            ["converter"] = ConverterVersion.Current,
            ["onnxruntime"] = OnnxRuntimeRunner.OrtVersion,
            ["source"] = ContentHash.Sha256OfFile(request.SourcePath),
            ["architecture"] = request.ArchitecturePath is null ? "" : ContentHash.Sha256OfFile(request.ArchitecturePath),
            ["reference"] = referencePath is null ? "" : ContentHash.Sha256OfFile(referencePath),
            ["targets"] = string.Join(",", request.Targets),
            ["inputs"] = string.Join(";", request.Inputs.Select(i => i.ToString())),
            ["opset"] = request.Opset?.ToString(CultureInfo.InvariantCulture) ?? "",
            ["precision"] = request.Precision,
            ["nameMap"] = NameMapFact(request.NameMap),
            ["atol"] = request.Atol ?? "",
            ["rtol"] = request.Rtol ?? "",
            ["optimization"] = request.Optimization.ToString(),
            ["fp16Weights"] = request.Fp16Weights ? "true" : "false",
            ["externalDataThreshold"] = request.ExternalDataThreshold?.ToString(CultureInfo.InvariantCulture) ?? "",
            ["locked"] = request.Locked ? "true" : "false",
            ["optionalTargets"] = string.Join(",", request.OptionalTargets),
            ["files"] = string.Join(",", fileNames.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}:{f.Value}")),
        };
        return ConversionCache.ComputeKey(facts);
    }

    private static string NameMapFact(string? nameMap)
    {
        // An @file map is hashed by content: editing the map must miss the cache.
        if (nameMap is null) return "";
        var trimmed = nameMap.Trim();
        return trimmed.StartsWith('@') && File.Exists(trimmed[1..]) ? "file:" + ContentHash.Sha256OfFile(trimmed[1..]) : trimmed;
    }
}
