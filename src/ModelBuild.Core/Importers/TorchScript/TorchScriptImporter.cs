using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript;

/// <summary>
/// The importer's one-call entry point for the archive reader: parse the archive's code, bind and inline
/// <c>forward</c> against its object tree and constants, and return the hub model (ONNX opset 17).
/// </summary>
public static class TorchScriptImporter
{
    public static Model Import(TorchScriptArchiveContents contents, TorchScriptImportOptions options)
    {
        var model = TorchScriptGraphBuilder.Build(TorchScriptModule.Load(contents), options);
        model.Metadata["source_format"] = "torchscript";
        return model;
    }
}
