namespace ModelBuild.Core.Exporters.CoreMl;

/// <summary>
/// The <c>coreml</c> target: an ML Program <c>.mlpackage</c> folder. Core ML only executes on Apple platforms, so
/// here the package is checked structurally (layout, manifest, protobuf round trip, weight blobs, value wiring);
/// README says how to compare its outputs on macOS.
/// </summary>
public sealed class CoreMlTargetExporter : ITargetExporter
{
    public string Target => "coreml";

    public string DefaultExtension => ".mlpackage";

    public TargetExport Export(TargetExportContext context)
    {
        var written = CoreMlWriter.Write(context.Model, context.ArtifactPath);
        CoreMlValidator.Validate(written.PackagePath);
        return new TargetExport
        {
            Files = [written.PackagePath],
            Check = TargetCheck.Structural,
            Note = $"ML Program (specification 7, CoreML6 opset), {written.OperationCount} operations; validated and round-tripped; numerically checkable only on macOS",
            Properties = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["specificationVersion"] = "7",
                ["milOpset"] = "CoreML6",
            },
        };
    }
}
