namespace ModelBuild.Core.Importers.TorchScript;

/// <summary>Fixed names and numbers of the TorchScript importer.</summary>
public static class TorchScriptLayout
{
    /// <summary>Logical name of the embedded schema table (aten_schemas.txt.gz).</summary>
    public const string SchemaResourceName = "ModelBuild.Core.Importers.TorchScript.aten_schemas.txt.gz";

    /// <summary>The ONNX opset the lowerings emit.</summary>
    public const long OnnxOpset = 17;

    /// <summary>Folder of the serialized code inside an archive (after the archive's top-level folder).</summary>
    public const string CodeFolder = "code/";

    /// <summary>Python's <c>sys.maxsize</c>, which the serializer prints for open-ended slices.</summary>
    public const long Int64Max = long.MaxValue;

    /// <summary>Iterations a conversion-time <c>while</c> loop may run before the importer gives up.</summary>
    public const int MaxLoopIterations = 100_000;

    /// <summary>Depth of nested method and function calls the inliner follows (recursion is not TorchScript).</summary>
    public const int MaxCallDepth = 256;
}
