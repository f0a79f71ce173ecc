using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Exporters.OpenVino;

/// <summary>
/// Structural checks of an IR v11 pair against the rules OpenVINO's reader (<c>ir_deserializer.cpp</c>) enforces,
/// for CI machines without OpenVINO: unique layer and port ids, edges between existing output and input ports,
/// every input port fed exactly once, equal precision and dims on both ends of an edge, Consts inside the .bin
/// with size = shape × element size, known type/opset pairs, Result layers present and no cycle.
/// </summary>
public static class OpenVinoValidator
{
    /// <summary>Throws the first problem's code, with every problem found in the message (at most 10).</summary>
    public static void Validate(string xmlPath)
    {
        var issues = Check(xmlPath);
        if (issues.Count == 0) return;
        var message = string.Join(" ", issues.Take(10).Select(i => $"[{i.Code.Id}] {i.Message}"));
        if (issues.Count > 10) message += $" … and {issues.Count - 10} more.";
        throw new ModelBuildException(issues[0].Code, xmlPath, message);
    }

    /// <summary>Every problem found; empty when the IR passes. A file that does not parse throws MBLD2303.</summary>
    public static IReadOnlyList<OpenVinoValidationIssue> Check(string xmlPath)
    {
        var doc = OpenVinoIrDocument.Load(xmlPath);
        var issues = new List<OpenVinoValidationIssue>();
        void Add(DiagnosticCode code, string message) => issues.Add(new OpenVinoValidationIssue(code, message));

        if (doc.Version != OpenVinoLayout.IrVersion) Add(DiagnosticCode.OpenVinoXmlInvalid, $"<net version=\"{doc.Version}\">; this validator checks IR version {OpenVinoLayout.IrVersion}.");
        long binLength = File.Exists(doc.BinPath) ? new FileInfo(doc.BinPath).Length : -1;
        if (binLength < 0) Add(DiagnosticCode.OpenVinoXmlInvalid, $"The weights file '{Path.GetFileName(doc.BinPath)}' is missing.");

        var layers = new Dictionary<int, OpenVinoLayer>();
        foreach (var layer in doc.Layers)
        {
            if (!layers.TryAdd(layer.Id, layer)) Add(DiagnosticCode.OpenVinoDuplicateId, $"Layer id {layer.Id} is used by '{layers[layer.Id].Name}' and '{layer.Name}'.");
            var portIds = layer.Inputs.Concat(layer.Outputs).Select(p => p.Id).ToList();
            foreach (var dup in portIds.GroupBy(p => p).Where(g => g.Count() > 1))
                Add(DiagnosticCode.OpenVinoDuplicateId, $"Layer {layer.Id} ('{layer.Name}') has port id {dup.Key} {dup.Count()} times.");
            if (!OpenVinoLayout.KnownOperations.TryGetValue(layer.Type, out var versions) || !versions.Contains(layer.Version, StringComparer.OrdinalIgnoreCase))
                Add(DiagnosticCode.OpenVinoUnknownOperation, $"Layer {layer.Id} ('{layer.Name}') is {layer.Type}/{layer.Version}, which no known opset provides.");
            else if (OpenVinoLayout.InputCount.TryGetValue(layer.Type, out var inputs) && layer.Inputs.Count != inputs)
                Add(DiagnosticCode.OpenVinoUnknownOperation, $"Layer {layer.Id} ('{layer.Name}', {layer.Type}) has {layer.Inputs.Count} input ports; {layer.Type} takes {inputs}.");
            foreach (var port in layer.Outputs.Where(p => p.ElementType == DataType.Undefined))
                Add(DiagnosticCode.OpenVinoXmlInvalid, $"Output port {port.Id} of layer {layer.Id} ('{layer.Name}') has no known precision.");
            foreach (var port in layer.Inputs.Concat(layer.Outputs).Where(p => p.Dims.Any(d => d < -1)))
                Add(DiagnosticCode.OpenVinoXmlInvalid, $"Port {port.Id} of layer {layer.Id} ('{layer.Name}') has a dim below -1.");
            if (layer.Type.Equals("Const", StringComparison.OrdinalIgnoreCase) || layer.Type.Equals("Constant", StringComparison.OrdinalIgnoreCase))
                CheckConst(layer, binLength, Add);
        }

        var fed = new Dictionary<(int, int), int>();
        foreach (var e in doc.Edges)
        {
            var edge = $"Edge {e.FromLayer}:{e.FromPort} → {e.ToLayer}:{e.ToPort}";
            if (!layers.TryGetValue(e.FromLayer, out var from)) { Add(DiagnosticCode.OpenVinoDanglingEdge, $"{edge} starts at layer {e.FromLayer}, which does not exist."); continue; }
            if (!layers.TryGetValue(e.ToLayer, out var to)) { Add(DiagnosticCode.OpenVinoDanglingEdge, $"{edge} ends at layer {e.ToLayer}, which does not exist."); continue; }
            var fromPort = from.Outputs.FirstOrDefault(p => p.Id == e.FromPort);
            var toPort = to.Inputs.FirstOrDefault(p => p.Id == e.ToPort);
            if (fromPort is null) { Add(DiagnosticCode.OpenVinoDanglingEdge, $"{edge}: layer {from.Id} ('{from.Name}') has no output port {e.FromPort}."); continue; }
            if (toPort is null) { Add(DiagnosticCode.OpenVinoDanglingEdge, $"{edge}: layer {to.Id} ('{to.Name}') has no input port {e.ToPort}."); continue; }
            fed[(e.ToLayer, e.ToPort)] = fed.GetValueOrDefault((e.ToLayer, e.ToPort)) + 1;
            if (toPort.ElementType != DataType.Undefined && toPort.ElementType != fromPort.ElementType)
                Add(DiagnosticCode.OpenVinoPortMismatch, $"{edge}: precision {OpenVinoLayout.Precision(fromPort.ElementType)} flows into a {OpenVinoLayout.Precision(toPort.ElementType)} port of '{to.Name}'.");
            if (!fromPort.Dims.SequenceEqual(toPort.Dims))
                Add(DiagnosticCode.OpenVinoPortMismatch, $"{edge}: dims [{string.Join(",", fromPort.Dims)}] of '{from.Name}' flow into a port of '{to.Name}' declared [{string.Join(",", toPort.Dims)}].");
        }
        foreach (var layer in doc.Layers)
        foreach (var port in layer.Inputs)
        {
            int count = fed.GetValueOrDefault((layer.Id, port.Id));
            if (count != 1) Add(DiagnosticCode.OpenVinoInputConnection, $"Input port {port.Id} of layer {layer.Id} ('{layer.Name}', {layer.Type}) has {count} incoming edges; it needs exactly 1.");
        }

        if (!doc.Layers.Any(l => l.Type.Equals("Result", StringComparison.OrdinalIgnoreCase)))
            Add(DiagnosticCode.OpenVinoGraphShape, "The network has no Result layer, so it has no outputs.");
        if (HasCycle(doc, layers)) Add(DiagnosticCode.OpenVinoGraphShape, "The edges form a cycle.");
        return issues;
    }

    private static void CheckConst(OpenVinoLayer layer, long binLength, Action<DiagnosticCode, string> add)
    {
        string what = $"Const layer {layer.Id} ('{layer.Name}')";
        var typeText = OpenVinoIrDocument.DataValue(layer, "element_type");
        var shapeText = OpenVinoIrDocument.DataValue(layer, "shape");
        var offsetText = OpenVinoIrDocument.DataValue(layer, "offset");
        var sizeText = OpenVinoIrDocument.DataValue(layer, "size");
        if (typeText is null || shapeText is null || offsetText is null || sizeText is null)
        {
            add(DiagnosticCode.OpenVinoXmlInvalid, $"{what} needs element_type, shape, offset and size in <data>.");
            return;
        }
        var type = OpenVinoLayout.FromElementType(typeText);
        if (type == DataType.Undefined || !long.TryParse(offsetText, out var offset) || !long.TryParse(sizeText, out var size) || offset < 0 || size < 0)
        {
            add(DiagnosticCode.OpenVinoXmlInvalid, $"{what} has element_type '{typeText}', offset '{offsetText}', size '{sizeText}'; expected a known type and non-negative integers.");
            return;
        }
        long[] shape;
        try { shape = OpenVinoIrDocument.ParseList(shapeText); }
        catch (FormatException) { add(DiagnosticCode.OpenVinoXmlInvalid, $"{what} has shape '{shapeText}'."); return; }
        long expected = shape.Aggregate(1L, (p, d) => checked(p * d)) * DataTypes.SizeOf(type);
        if (size != expected) add(DiagnosticCode.OpenVinoConstRange, $"{what}: size {size} differs from shape [{shapeText}] × {DataTypes.SizeOf(type)} bytes = {expected}.");
        if (binLength >= 0 && offset + size > binLength) add(DiagnosticCode.OpenVinoConstRange, $"{what}: offset {offset} + size {size} = {offset + size} runs past the end of the .bin ({binLength} bytes).");
        var port = layer.Outputs.FirstOrDefault();
        if (port is not null && (port.ElementType != type || !port.Dims.SequenceEqual(shape)))
            add(DiagnosticCode.OpenVinoPortMismatch, $"{what}: output port says {OpenVinoLayout.Precision(port.ElementType)}[{string.Join(",", port.Dims)}], <data> says {typeText}[{shapeText}].");
    }

    private static bool HasCycle(OpenVinoIrDocument doc, Dictionary<int, OpenVinoLayer> layers)
    {
        var next = doc.Edges.Where(e => layers.ContainsKey(e.FromLayer) && layers.ContainsKey(e.ToLayer)).ToLookup(e => e.FromLayer, e => e.ToLayer);
        var state = new Dictionary<int, int>();
        foreach (var start in layers.Keys)
        {
            if (state.ContainsKey(start)) continue;
            var stack = new Stack<(int Layer, IEnumerator<int> Next)>();
            stack.Push((start, next[start].GetEnumerator()));
            state[start] = 1;
            while (stack.Count > 0)
            {
                var (layer, it) = stack.Peek();
                if (it.MoveNext())
                {
                    int child = it.Current;
                    if (state.GetValueOrDefault(child) == 1) return true;
                    if (state.GetValueOrDefault(child) == 0)
                    {
                        state[child] = 1;
                        stack.Push((child, next[child].GetEnumerator()));
                    }
                }
                else
                {
                    state[layer] = 2;
                    stack.Pop();
                }
            }
        }
        return false;
    }
}
