using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Exporters.OpenVino;

/// <summary>An IR <c>.xml</c> read back into layers and edges (nothing checked beyond what parsing needs).</summary>
internal sealed class OpenVinoIrDocument
{
    private OpenVinoIrDocument(string xmlPath, string binPath, int version, List<OpenVinoLayer> layers, List<OpenVinoEdge> edges)
    {
        XmlPath = xmlPath;
        BinPath = binPath;
        Version = version;
        Layers = layers;
        Edges = edges;
    }

    public string XmlPath { get; }
    public string BinPath { get; }
    public int Version { get; }
    public List<OpenVinoLayer> Layers { get; }
    public List<OpenVinoEdge> Edges { get; }

    public static OpenVinoIrDocument Load(string xmlPath)
    {
        var full = Path.GetFullPath(xmlPath);
        if (!File.Exists(full)) throw new ModelBuildException(DiagnosticCode.FileNotFound, xmlPath, $"OpenVINO IR '{xmlPath}' does not exist.");
        XDocument doc;
        try
        {
            doc = XDocument.Load(full);
        }
        catch (XmlException e)
        {
            throw Invalid(full, $"The XML does not parse: {e.Message}");
        }
        var net = doc.Root;
        if (net is null || net.Name != "net") throw Invalid(full, "The root element is not <net>.");
        int version = Int(net, "version", full, "<net>");
        var layers = new List<OpenVinoLayer>();
        foreach (var l in net.Element("layers")?.Elements("layer") ?? [])
        {
            var id = Int(l, "id", full, "<layer>");
            var layer = new OpenVinoLayer(id, (string?)l.Attribute("name") ?? "", Required(l, "type", full), (string?)l.Attribute("version") ?? "");
            foreach (var a in l.Element("data")?.Attributes() ?? []) layer.Data.Add(new(a.Name.LocalName, a.Value));
            foreach (var a in l.Element("rt_info")?.Elements("attribute") ?? []) layer.RuntimeInfo.Add((string?)a.Attribute("name") ?? "");
            foreach (var p in l.Element("input")?.Elements("port") ?? []) layer.Inputs.Add(Port(p, full, layer));
            foreach (var p in l.Element("output")?.Elements("port") ?? []) layer.Outputs.Add(Port(p, full, layer));
            layers.Add(layer);
        }
        var edges = new List<OpenVinoEdge>();
        foreach (var e in net.Element("edges")?.Elements("edge") ?? [])
            edges.Add(new OpenVinoEdge(Int(e, "from-layer", full, "<edge>"), Int(e, "from-port", full, "<edge>"), Int(e, "to-layer", full, "<edge>"), Int(e, "to-port", full, "<edge>")));
        return new OpenVinoIrDocument(full, Path.ChangeExtension(full, OpenVinoLayout.BinExtension), version, layers, edges);
    }

    public static string? DataValue(OpenVinoLayer layer, string key) =>
        layer.Data.FirstOrDefault(kv => kv.Key == key) is { Key: not null } kv ? kv.Value : null;

    public static long[] ParseList(string text) =>
        text.Trim().Length == 0 ? [] : text.Split(',').Select(s => s.Trim() == "?" ? -1 : long.Parse(s.Trim(), CultureInfo.InvariantCulture)).ToArray();

    private static OpenVinoPort Port(XElement p, string path, OpenVinoLayer layer)
    {
        var dims = p.Elements("dim").Select(d => long.TryParse(d.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v
            : throw Invalid(path, $"Layer {layer.Id} ('{layer.Name}') has a port dim '{d.Value}' that is not an integer.")).ToArray();
        var precision = (string?)p.Attribute("precision");
        return new OpenVinoPort(Int(p, "id", path, $"port of layer {layer.Id}"), precision is null ? DataType.Undefined : OpenVinoLayout.FromPrecision(precision), dims, (string?)p.Attribute("names"));
    }

    private static string Required(XElement e, string name, string path) =>
        (string?)e.Attribute(name) ?? throw Invalid(path, $"<{e.Name}> lacks the '{name}' attribute.");

    private static int Int(XElement e, string name, string path, string what) =>
        int.TryParse(Required(e, name, path), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v
        : throw Invalid(path, $"{what} has '{name}=\"{(string?)e.Attribute(name)}\"', not a non-negative integer.");

    private static ModelBuildException Invalid(string path, string message) => new(DiagnosticCode.OpenVinoXmlInvalid, path, message);
}
