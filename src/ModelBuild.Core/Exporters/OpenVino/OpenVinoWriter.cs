using System.Globalization;
using System.Text;
using System.Xml;
using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Exporters.OpenVino;

/// <summary>
/// Writes a <see cref="Model"/> as OpenVINO IR v11: <c>name.xml</c> (layers with opset-versioned types, ports with
/// precisions and dims, edges) and <c>name.bin</c> (the Consts' bytes, concatenated, streamed from the lazy
/// weights). Parameters and Results keep the ONNX input and output order, and output ports carry the ONNX value
/// names. Deterministic (same model, same bytes) and atomic (temp files renamed, the .bin before the .xml).
/// </summary>
public static class OpenVinoWriter
{
    public static OpenVinoWriteResult Write(Model model, string xmlPath, OpenVinoWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(xmlPath);
        options ??= new OpenVinoWriterOptions();
        var fullXml = Path.GetFullPath(xmlPath);
        var fullBin = Path.ChangeExtension(fullXml, OpenVinoLayout.BinExtension);
        var builder = Build(model, fullXml, options);

        // Lay out the .bin: Consts in layer order, no padding (OpenVINO mmaps it and needs no alignment).
        var offsets = new Dictionary<int, (long Offset, long Size)>();
        long binLength = 0;
        foreach (var layer in builder.Layers.Where(l => l.Weights is not null))
        {
            long size = layer.CompressToFp16 ? layer.Weights!.ElementCount * 2 : layer.Weights!.ByteLength;
            offsets[layer.Id] = (binLength, size);
            layer.Data.Add(new("offset", binLength.ToString(CultureInfo.InvariantCulture)));
            layer.Data.Add(new("size", size.ToString(CultureInfo.InvariantCulture)));
            binLength = checked(binLength + size);
        }
        var xml = Serialize(builder, options.NetName ?? model.Graph.Name);
        Commit(fullXml, fullBin, xml, builder, offsets, binLength);
        return new OpenVinoWriteResult(fullXml, xml.Length, fullBin, binLength, builder.Layers.Count);
    }

    internal static OpenVinoIrBuilder Build(Model model, string path, OpenVinoWriterOptions options)
    {
        GraphValidator.Validate(model, path, DiagnosticCode.OutputGraphInvalid);
        var graph = model.Graph;
        var shapes = ShapeInference.Infer(model);
        var constants = ShapeInference.Constants(graph);
        long opset = model.OpsetImports.TryGetValue("", out var v) ? v : 17;
        var builder = new OpenVinoIrBuilder(path, shapes, constants, options.CompressWeightsToFp16, opset);
        var used = graph.Nodes.SelectMany(n => n.Inputs).Concat(graph.Outputs.Select(o => o.Name)).ToHashSet(StringComparer.Ordinal);
        var initializerNames = graph.Initializers.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var input in graph.Inputs.Where(i => !initializerNames.Contains(i.Name)))
        {
            if (OpenVinoLayout.ElementType(input.ElementType) is null || input.Shape is null)
                throw new ModelBuildException(DiagnosticCode.OpenVinoUnsupportedFeature, path, $"Input '{input.Name}' ({input}) cannot be a Parameter for target '{OpenVinoThrowHelper.Target}': it needs a known rank and a numeric element type.");
            builder.Parameter(input);
        }
        foreach (var node in graph.Nodes)
        {
            if (node.Domain.Length != 0 || !OpenVinoOpTable.Converters.TryGetValue(node.OpType, out var convert))
                throw OpenVinoThrowHelper.UnsupportedOperator(path, node);
            try
            {
                convert(builder, node, used);
            }
            catch (InvalidOperationException e)
            {
                // Missing shapes or types: the graph is outside what the writer can type, which is a feature gap.
                throw OpenVinoThrowHelper.UnsupportedFeature(path, node, e.Message);
            }
        }
        foreach (var output in graph.Outputs) builder.Result(output.Name);
        return builder;
    }

    private static byte[] Serialize(OpenVinoIrBuilder builder, string netName)
    {
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "\t", NewLineChars = "\n", Encoding = new UTF8Encoding(false) };
        using var buffer = new MemoryStream();
        using (var w = XmlWriter.Create(buffer, settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("net");
            w.WriteAttributeString("name", netName);
            w.WriteAttributeString("version", OpenVinoLayout.IrVersion.ToString(CultureInfo.InvariantCulture));
            w.WriteStartElement("layers");
            foreach (var layer in builder.Layers) WriteLayer(w, layer, builder);
            w.WriteEndElement();
            w.WriteStartElement("edges");
            foreach (var e in builder.Edges.OrderBy(e => e.ToLayer).ThenBy(e => e.ToPort))
            {
                w.WriteStartElement("edge");
                w.WriteAttributeString("from-layer", I(e.FromLayer));
                w.WriteAttributeString("from-port", I(e.FromPort));
                w.WriteAttributeString("to-layer", I(e.ToLayer));
                w.WriteAttributeString("to-port", I(e.ToPort));
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteStartElement("rt_info");
            w.WriteStartElement("conversion_parameters");
            w.WriteStartElement("framework");
            w.WriteAttributeString("value", "onnx");
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteStartElement("modelbuild_writer");
            w.WriteAttributeString("value", "ModelBuild OpenVinoWriter");
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteLayer(XmlWriter w, OpenVinoLayer layer, OpenVinoIrBuilder builder)
    {
        w.WriteStartElement("layer");
        w.WriteAttributeString("id", I(layer.Id));
        w.WriteAttributeString("name", layer.Name);
        w.WriteAttributeString("type", layer.Type);
        w.WriteAttributeString("version", layer.Version);
        if (layer.Data.Count > 0)
        {
            w.WriteStartElement("data");
            foreach (var (key, value) in layer.Data) w.WriteAttributeString(key, value);
            w.WriteEndElement();
        }
        if (layer.RuntimeInfo.Count > 0)
        {
            w.WriteStartElement("rt_info");
            foreach (var name in layer.RuntimeInfo)
            {
                w.WriteStartElement("attribute");
                w.WriteAttributeString("name", name);
                w.WriteAttributeString("version", "0");
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        WritePorts(w, "input", layer.Inputs, layer, builder, output: false);
        WritePorts(w, "output", layer.Outputs, layer, builder, output: true);
        w.WriteEndElement();
    }

    private static void WritePorts(XmlWriter w, string element, List<OpenVinoPort> ports, OpenVinoLayer layer, OpenVinoIrBuilder builder, bool output)
    {
        if (ports.Count == 0) return;
        w.WriteStartElement(element);
        foreach (var port in ports)
        {
            w.WriteStartElement("port");
            w.WriteAttributeString("id", I(port.Id));
            w.WriteAttributeString("precision", OpenVinoLayout.Precision(port.ElementType));
            if (output && builder.PortNames.TryGetValue((layer.Id, port.Id), out var names))
                w.WriteAttributeString("names", string.Join(",", names.Select(n => n.Replace(",", "\\,", StringComparison.Ordinal))));
            foreach (var d in port.Dims) w.WriteElementString("dim", d.ToString(CultureInfo.InvariantCulture));
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Commit(string xmlPath, string binPath, byte[] xml, OpenVinoIrBuilder builder, Dictionary<int, (long Offset, long Size)> offsets, long binLength)
    {
        string? xmlTemp = null, binTemp = null;
        bool committed = false;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(xmlPath)!);
            binTemp = TempPath(binPath);
            using (var stream = new FileStream(binTemp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            {
                foreach (var layer in builder.Layers.Where(l => l.Weights is not null))
                {
                    long before = stream.Position;
                    if (layer.CompressToFp16)
                    {
                        var half = new OpenVinoHalfStream(stream);
                        layer.Weights!.CopyTo(half);
                    }
                    else
                    {
                        layer.Weights!.CopyTo(stream);
                    }
                    if (stream.Position - before != offsets[layer.Id].Size)
                        throw new ModelBuildException(DiagnosticCode.InternalError, binPath, $"Const '{layer.Name}' yielded {stream.Position - before} bytes instead of {offsets[layer.Id].Size}.");
                }
                if (stream.Length != binLength)
                    throw new ModelBuildException(DiagnosticCode.InternalError, binPath, $"Wrote {stream.Length} bytes where the layout planned {binLength}.");
            }
            xmlTemp = TempPath(xmlPath);
            File.WriteAllBytes(xmlTemp, xml);
            // The weights first: an .xml that appears must find its .bin.
            File.Move(binTemp, binPath, overwrite: true);
            File.Move(xmlTemp, xmlPath, overwrite: true);
            committed = true;
        }
        catch (IOException e)
        {
            throw OpenVinoThrowHelper.NotWritable(xmlPath, e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw OpenVinoThrowHelper.NotWritable(xmlPath, e);
        }
        finally
        {
            if (!committed)
            {
                DeleteQuietly(xmlTemp);
                DeleteQuietly(binTemp);
            }
        }
    }

    private static string TempPath(string finalPath) =>
        Path.Combine(Path.GetDirectoryName(finalPath)!, $".{Path.GetFileName(finalPath)}.{Guid.NewGuid():N}.tmp");

    private static void DeleteQuietly(string? path)
    {
        if (path is null) return;
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
