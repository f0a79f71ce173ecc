using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Importers.Onnx;
using ModelBuild.Core.Importers.PyTorch;
using ModelBuild.Core.Importers.PyTorch.Modules;
using ModelBuild.Core.Importers.TorchScript;
using ModelBuild.Core.Importers.Weights;
using ModelBuild.Core.Tensors;
using ModelBuild.Core.Tensors.Numpy;
using ModelBuild.Core.Tensors.Safetensors;

namespace ModelBuild.Core.Pipeline;

/// <summary>Turns a source file into the hub graph, picking the importer by the detected format.</summary>
public static class SourceImporter
{
    public static Graph.Model Import(ConversionRequest request)
    {
        var source = request.SourcePath;
        var format = SourceDetector.Detect(source);
        switch (format)
        {
            case SourceFormat.Onnx:
                if (request.ArchitecturePath is not null)
                    throw new ModelBuildException(DiagnosticCode.InvalidOption, source, "--architecture applies to weights-only sources (.safetensors, .npz), not to an ONNX model");
                return OnnxReader.Read(source);
            case SourceFormat.Safetensors:
            case SourceFormat.Npz:
                return BindWeights(request, format);
            case SourceFormat.PyTorchZip:
            case SourceFormat.PyTorchLegacy:
            case SourceFormat.PyTorchMobile:
                // Read first: a TorchScript archive carries its own graph, and a whole pickled module converts from
                // its torch.nn classes (or is named as unsupported, MBLD2003) before a missing --architecture is.
                var file = PyTorchReader.Read(source);
                if (file.Format == PyTorchFormat.TorchScript)
                {
                    if (request.ArchitecturePath is not null)
                        throw new ModelBuildException(DiagnosticCode.InvalidOption, source, "--architecture applies to weights-only sources; a TorchScript archive carries its own graph");
                    return TorchScriptSource.Import(TorchScriptArchiveReader.FromFile(file), request);
                }
                if (PyTorchStateDict.FindModule(file) is { } module) return ImportModule(request, file, module);
                var weights = PyTorchStateDict.Extract(file);
                return BindWeights(request, format, weights);
            default:
                throw new ModelBuildException(DiagnosticCode.UnknownSourceFormat, source,
                    "not a recognised model file (expected ONNX, safetensors or npz; the format is decided from the file's content)");
        }
    }

    /// <summary>
    /// A pickled whole module (torch.save(model)): unsupported classes are named first (MBLD2003), then a
    /// template is refused (the classes give the graph), then the importer needs the declared input.
    /// </summary>
    private static Graph.Model ImportModule(ConversionRequest request, PyTorchFile file, PickleObject module)
    {
        StandardModuleImporter.CheckClasses(file, module);
        if (request.ArchitecturePath is not null)
            throw new ModelBuildException(DiagnosticCode.InvalidOption, request.SourcePath,
                "--architecture applies to weights-only sources; this pickled whole module is made of standard torch.nn classes and converts from them: drop --architecture and declare the input with --input");
        var inputs = request.Inputs.Select(i => new Graph.ValueInfo(i.Name, i.ElementType, i.Shape)).ToArray();
        return StandardModuleImporter.Import(file, module, inputs);
    }

    private static Graph.Model BindWeights(ConversionRequest request, SourceFormat format, IReadOnlyList<NamedTensor>? loaded = null)
    {
        var source = request.SourcePath;
        if (request.ArchitecturePath is null)
            throw new ModelBuildException(DiagnosticCode.ArchitectureRequired, source,
                "a weights-only file needs the graph it belongs to: pass --architecture <template.onnx> (Architecture metadata in MSBuild)");
        var architecturePath = request.ArchitecturePath;
        var architectureFormat = SourceDetector.Detect(architecturePath);
        if (architectureFormat is SourceFormat.PyTorchLegacy)
            throw new ModelBuildException(DiagnosticCode.UnsupportedFeature, architecturePath,
                "a legacy torch.save stream as --architecture holds no graph; pass a TorchScript .pt (torch.jit.trace(model, example).save(...)) or an ONNX template");
        if (architectureFormat is not (SourceFormat.Onnx or SourceFormat.PyTorchZip))
            throw new ModelBuildException(DiagnosticCode.UnsupportedFeature, architecturePath, "--architecture must be an ONNX template or a TorchScript .pt of the same architecture");

        IReadOnlyList<NamedTensor> weights;
        if (loaded is not null)
        {
            weights = loaded;
        }
        else if (format == SourceFormat.Safetensors)
        {
            // The tensors point into the file by offset; the mapping itself is not needed once they are listed.
            using var file = SafetensorsReader.Read(source);
            weights = file.Tensors;
        }
        else
        {
            weights = NpzReader.Read(source);
        }
        var nameMap = WeightNameMap.Parse(request.NameMap, Environment.CurrentDirectory);
        if (architectureFormat == SourceFormat.PyTorchZip)
        {
            // The traced graph of the same architecture, its tensors replaced by the checkpoint's (MBLD1140 if they do not fit).
            var architecture = PyTorchReader.Read(architecturePath);
            if (architecture.Format != PyTorchFormat.TorchScript)
                throw new ModelBuildException(DiagnosticCode.UnsupportedFeature, architecturePath,
                    "--architecture is a torch.save file, which holds weights but no graph; pass a TorchScript .pt (torch.jit.trace(model, example).save(...)) or an ONNX template");
            var contents = TorchScriptArchiveReader.FromFile(architecture);
            var root = TorchScriptWeights.Rebind(contents.Root, weights, nameMap, architecturePath, source);
            return TorchScriptSource.Import(contents with { Root = root }, request);
        }

        var model = OnnxReader.Read(architecturePath);
        WeightBinder.Bind(model, architecturePath, weights, source, nameMap);
        return model;
    }
}
