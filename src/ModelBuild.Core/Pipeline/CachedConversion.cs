using ModelBuild.Core.Caching;
using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Verification;

namespace ModelBuild.Core.Pipeline;

/// <summary>
/// One conversion's view of the cache (<c>--cache-dir</c>, MSBuild's <c>ModelBuildCacheDir</c>): a hit restores
/// the artifacts, replays the warnings and the report; a successful miss is stored after the gate passed. Only
/// gated, successful conversions are stored, so a cache can never turn a failure into a pass.
/// </summary>
internal sealed class CachedConversion
{
    private readonly ConversionRequest _request;
    private readonly ConversionCache _cache;
    private readonly string _key;
    private readonly string _outputDirectory;

    private CachedConversion(ConversionRequest request, ConversionCache cache, string key, string outputDirectory)
    {
        _request = request;
        _cache = cache;
        _key = key;
        _outputDirectory = outputDirectory;
    }

    /// <summary>Null when there is no cache folder or the request is not cacheable; missing inputs are left to the pipeline to report.</summary>
    public static CachedConversion? Open(ConversionRequest request)
    {
        if (request.CacheDirectory is null) return null;
        var referencePath = ReferenceFile.Resolve(request.ReferencePath, request.SourcePath);
        string?[] inputs = [request.SourcePath, request.ArchitecturePath, referencePath];
        if (inputs.Any(p => p is not null && !File.Exists(p))) return null;
        var (outputDirectory, fileNames) = ConversionPipeline.ResolveOutputs(request, request.Targets);
        var key = ConversionCacheKey.For(request, referencePath, fileNames);
        if (key is null) return null;
        var cache = new ConversionCache(Path.Combine(CacheFolder.Resolve(request.CacheDirectory), "conversions"));
        return new CachedConversion(request, cache, key, outputDirectory);
    }

    public ConversionResult? TryRestore()
    {
        if (_cache.TryGet(_key) is not { } entry) return null;
        ConversionPipeline.CreateDirectory(_outputDirectory);
        if (!_cache.TryRestore(_key, entry, _outputDirectory)) return null;
        if (_request.ReportPath is { } reportPath && entry.ReportJson is { } json)
        {
            ConversionPipeline.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(reportPath))!);
            File.WriteAllText(reportPath, json);
            File.WriteAllText(Path.ChangeExtension(reportPath, ".md"), entry.ReportMarkdown);
        }
        return new ConversionResult
        {
            ExitCode = ExitCode.Success,
            Artifacts = entry.Files.Select(f => new Artifact(f.Target, Path.Combine(_outputDirectory, f.Name), f.Size, f.Sha256)).ToArray(),
            Diagnostics = entry.Diagnostics,
            ReportMarkdown = entry.ReportMarkdown,
            CacheKey = _key,
        };
    }

    public void Store(ConversionResult result)
    {
        // A folder artifact (Core ML package) is not stored: entries hold files only, checked one digest each.
        if (result.ExitCode != ExitCode.Success || result.Report is null || result.Artifacts.Any(a => !File.Exists(a.Path))) return;
        var files = result.Artifacts.Select(a => new CachedFile(Path.GetFileName(a.Path), a.Target, a.Size, a.Sha256)).ToArray();
        var entry = new CacheEntry(files, result.Diagnostics, result.Report.ToMarkdown(), result.Report.ToJson());
        _cache.Put(_key, entry, result.Artifacts.Select(a => (Path.GetFileName(a.Path), a.Path)).ToArray());
    }
}
