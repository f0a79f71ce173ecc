namespace ModelBuild.Tasks;

/// <summary>
/// Item-metadata names shared by the tasks and <c>build/ModelBuild.targets</c>. The user-facing ones are
/// DESIGN's contract table (<c>Targets</c>, not <c>Target</c>: MSBuild reserves that name); the rest are
/// computed by <see cref="ModelBuildResolveAssets"/> on the private <c>_ModelBuild_Asset</c> items.
/// </summary>
internal static class Metadata
{
    // Set by users on ModelAsset (defaults in build/ModelBuild.props).
    public const string Targets = "Targets";
    public const string Inputs = "Inputs";
    public const string Reference = "Reference";
    public const string Atol = "Atol";
    public const string Rtol = "Rtol";
    public const string Opset = "Opset";
    public const string Precision = "Precision";
    public const string Architecture = "Architecture";
    public const string Embed = "Embed";
    public const string CopyToOutputDirectory = "CopyToOutputDirectory";
    public const string AccessorName = "AccessorName";
    public const string ConverterVersions = "ConverterVersions";

    // Computed on _ModelBuild_Asset.
    public const string OutputDirectory = "OutputDirectory";
    public const string OutputFile = "OutputFile";
    public const string SignatureFile = "SignatureFile";
    public const string StampFile = "StampFile";
    public const string ConvertedStamp = "ConvertedStamp";
    public const string OptionalTargets = "OptionalTargets";
    public const string Optional = "Optional";
    public const string IsFolder = "IsFolder";
    public const string ReferenceFullPath = "ReferenceFullPath";
    public const string ArchitectureFullPath = "ArchitectureFullPath";
    public const string ResourceName = "ResourceName";
    public const string RelativePath = "RelativePath";

    // Computed on _ModelBuild_Artifact (one per file a conversion makes).
    public const string LogicalName = "LogicalName";
    public const string TargetPath = "TargetPath";
    public const string Format = "Format";

    // Well-known metadata MSBuild gives every item.
    public const string FullPath = "FullPath";
    public const string Filename = "Filename";
    public const string DefiningProjectFullPath = "DefiningProjectFullPath";
}
