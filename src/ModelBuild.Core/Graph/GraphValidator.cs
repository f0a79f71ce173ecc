using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Graph;

/// <summary>
/// Structural checks every graph must pass before it is written or handed to passes: topological node order,
/// single assignment, every use defined, every graph output produced, opsets for every domain used, and
/// file-backed tensors inside their files. The diagnostic code is the caller's, because the same defect is the
/// user's fault in an imported file (MBLD1122) and ours in a converted graph (MBLD2101).
/// </summary>
/// <remarks>
/// Importers call <see cref="SortTopologically"/> before <see cref="Validate"/>: ONNX requires sorted nodes, but
/// files from hand-written tools are often unsorted and ONNX Runtime accepts them, so refusing them would only
/// make users run another tool first. A cycle is an error either way. Exporters never sort: an unsorted graph
/// there means a pass broke the order, which must surface rather than be papered over.
/// </remarks>
public static class GraphValidator
{
    /// <summary>Throws <see cref="ModelBuildException"/> with <paramref name="code"/> naming the first problem.</summary>
    public static void Validate(Model model, string? file, DiagnosticCode code)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!model.OpsetImports.ContainsKey("") && !model.OpsetImports.ContainsKey("ai.onnx"))
            throw new ModelBuildException(code, file, "The model imports no opset for the default ONNX domain (\"\" / ai.onnx).");
        ValidateGraph(model, model.Graph, new HashSet<string>(StringComparer.Ordinal), file, code, model.Graph.Name);
    }

    /// <summary>
    /// Reorders <paramref name="graph"/>'s nodes (and its subgraphs') into a topological order, keeping the given
    /// order wherever it is already valid so that sorted graphs are untouched. Throws naming the nodes of a cycle.
    /// </summary>
    public static void SortTopologically(Graph graph, string? file, DiagnosticCode code)
    {
        ArgumentNullException.ThrowIfNull(graph);
        foreach (var node in graph.Nodes)
        foreach (var sub in Subgraphs(node))
            SortTopologically(sub, file, code);

        var order = TryOrder(graph, out var stuck);
        if (order is null)
            throw new ModelBuildException(code, file, $"Graph '{graph.Name}' has a cycle: {DescribeCycle(graph, stuck!)}.");
        var sorted = order.Select(i => graph.Nodes[i]).ToList();
        graph.Nodes.Clear();
        graph.Nodes.AddRange(sorted);
    }

    private static void ValidateGraph(Model model, Graph graph, HashSet<string> outer, string? file, DiagnosticCode code, string where)
    {
        // Values visible here: everything of the enclosing scopes plus this graph's own definitions. ONNX forbids a
        // subgraph to redefine an outer name, so one set serves for both "defined" and "shadowing" checks.
        var defined = new HashSet<string>(outer, StringComparer.Ordinal);
        var producer = new Dictionary<string, string>(StringComparer.Ordinal);
        var inputNames = new HashSet<string>(StringComparer.Ordinal);

        foreach (var input in graph.Inputs)
        {
            if (string.IsNullOrEmpty(input.Name))
                throw new ModelBuildException(code, file, $"Graph '{where}' has an input with an empty name.");
            if (!inputNames.Add(input.Name))
                throw new ModelBuildException(code, file, $"Graph '{where}' declares input '{input.Name}' twice.");
            if (outer.Contains(input.Name))
                throw new ModelBuildException(code, file, $"Graph '{where}' input '{input.Name}' shadows a value of the enclosing graph.");
            defined.Add(input.Name);
            producer[input.Name] = "graph input";
        }

        var initializerNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var init in graph.Initializers)
        {
            if (string.IsNullOrEmpty(init.Name))
                throw new ModelBuildException(code, file, $"Graph '{where}' has an initializer with an empty name.");
            if (!initializerNames.Add(init.Name))
                throw new ModelBuildException(code, file, $"Graph '{where}' declares initializer '{init.Name}' twice.");
            if (outer.Contains(init.Name))
                throw new ModelBuildException(code, file, $"Graph '{where}' initializer '{init.Name}' shadows a value of the enclosing graph.");
            // An initializer may share its name with a graph input: ONNX reads it as the input's default value.
            defined.Add(init.Name);
            producer.TryAdd(init.Name, "initializer");
            CheckTensorRange(init.Data, $"initializer '{init.Name}'", file, code);
        }

        var laterOutputs = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var node in graph.Nodes)
        foreach (var output in node.Outputs)
            if (output.Length > 0) laterOutputs.TryAdd(output, node);

        foreach (var node in graph.Nodes)
        {
            var domain = node.Domain == "ai.onnx" ? "" : node.Domain;
            if (!model.OpsetImports.ContainsKey(domain) && !(domain == "" && model.OpsetImports.ContainsKey("ai.onnx")))
                throw new ModelBuildException(code, file, $"{Describe(graph, node)} in graph '{where}' uses domain '{node.Domain}', which has no opset import.");

            foreach (var input in node.Inputs)
            {
                if (input.Length == 0 || defined.Contains(input)) continue;
                if (laterOutputs.TryGetValue(input, out var later))
                {
                    if (TryOrder(graph, out var stuck) is null)
                        throw new ModelBuildException(code, file, $"Graph '{where}' has a cycle: {DescribeCycle(graph, stuck!)}.");
                    throw new ModelBuildException(code, file, $"{Describe(graph, node)} in graph '{where}' reads '{input}' before {Describe(graph, later)} produces it: nodes are not in topological order.");
                }
                throw new ModelBuildException(code, file, $"{Describe(graph, node)} in graph '{where}' reads '{input}', which no graph input, initializer or node defines.");
            }

            foreach (var attribute in node.Attributes)
            {
                if (attribute.Tensor is not null)
                    CheckTensorRange(attribute.Tensor, $"attribute '{attribute.Name}' of {Describe(graph, node)}", file, code);
                foreach (var tensor in attribute.Tensors)
                    CheckTensorRange(tensor, $"attribute '{attribute.Name}' of {Describe(graph, node)}", file, code);
            }
            foreach (var sub in Subgraphs(node))
                ValidateGraph(model, sub, defined, file, code, $"{where}/{node.Name}/{sub.Name}");

            foreach (var output in node.Outputs)
            {
                if (output.Length == 0) continue;
                if (!defined.Add(output))
                {
                    var first = producer.TryGetValue(output, out var p) ? p : "a value of an enclosing graph";
                    throw new ModelBuildException(code, file, $"{Describe(graph, node)} in graph '{where}' produces '{output}', which is already defined ({first}): values must be assigned once.");
                }
                producer[output] = Describe(graph, node);
            }
        }

        foreach (var output in graph.Outputs)
        {
            if (!defined.Contains(output.Name))
                throw new ModelBuildException(code, file, $"Graph '{where}' output '{output.Name}' is produced by no node, input or initializer.");
        }
    }

    /// <summary>A file-backed tensor must lie inside its file, or the writer would fail half-way through streaming.</summary>
    private static void CheckTensorRange(TensorData data, string what, string? file, DiagnosticCode code)
    {
        if (data.Parts is { } parts)
        {
            foreach (var part in parts) CheckTensorRange(part, what, file, code);
            return;
        }
        if (data.IsInMemory) return;
        var info = new FileInfo(data.SourcePath!);
        if (!info.Exists)
            throw new ModelBuildException(code, file, $"The data of {what} lives in '{data.SourcePath}', which does not exist.");
        long end;
        try
        {
            end = checked(data.Offset + data.Length);
        }
        catch (OverflowException)
        {
            end = long.MaxValue;
        }
        if (end > info.Length)
            throw new ModelBuildException(code, file, $"The data of {what} spans bytes {data.Offset}..{end} of '{data.SourcePath}', which has only {info.Length} bytes.");
        long needed = BytesTouched(data);
        if (needed > data.Length)
            throw new ModelBuildException(code, file, $"The data of {what} needs {needed} bytes but its region in '{data.SourcePath}' has {data.Length}.");
    }

    /// <summary>Bytes from the region's start up to the last element the view reads; strided views can reach far.</summary>
    private static long BytesTouched(TensorData data)
    {
        try
        {
            if (data.IsContiguous || data.ElementCount == 0) return data.ByteLength;
            long last = 0;
            for (int d = 0; d < data.Shape.Count; d++)
            {
                if (data.Strides![d] < 0) return long.MaxValue;
                last = checked(last + (data.Shape[d] - 1) * data.Strides[d]);
            }
            return checked((last + 1) * DataTypes.SizeOf(data.DataType));
        }
        catch (OverflowException)
        {
            return long.MaxValue;
        }
    }

    /// <summary>Kahn's algorithm, always taking the lowest original index so that a sorted graph stays as it is.</summary>
    private static List<int>? TryOrder(Graph graph, out List<int>? stuck)
    {
        var nodes = graph.Nodes;
        var producerIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < nodes.Count; i++)
        foreach (var output in nodes[i].Outputs)
            if (output.Length > 0) producerIndex.TryAdd(output, i);

        var consumers = new List<int>[nodes.Count];
        var pending = new int[nodes.Count];
        for (int i = 0; i < nodes.Count; i++) consumers[i] = [];
        for (int i = 0; i < nodes.Count; i++)
        {
            foreach (var input in Uses(nodes[i]).Distinct(StringComparer.Ordinal))
            {
                if (!producerIndex.TryGetValue(input, out var p)) continue;
                // p == i (a node reading its own output) leaves the node pending forever: a cycle of one.
                consumers[p].Add(i);
                pending[i]++;
            }
        }

        var ready = new PriorityQueue<int, int>();
        for (int i = 0; i < nodes.Count; i++) if (pending[i] == 0) ready.Enqueue(i, i);
        var order = new List<int>(nodes.Count);
        while (ready.TryDequeue(out var i, out _))
        {
            order.Add(i);
            foreach (var c in consumers[i])
                if (--pending[c] == 0) ready.Enqueue(c, c);
        }
        if (order.Count == nodes.Count)
        {
            stuck = null;
            return order;
        }
        stuck = Enumerable.Range(0, nodes.Count).Where(i => pending[i] > 0).ToList();
        return null;
    }

    /// <summary>Walks back from a node left over by Kahn's algorithm until a node repeats: that loop is the cycle.</summary>
    private static string DescribeCycle(Graph graph, List<int> stuck)
    {
        var nodes = graph.Nodes;
        var stuckSet = stuck.ToHashSet();
        var producerIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var i in stuck)
        foreach (var output in nodes[i].Outputs)
            if (output.Length > 0) producerIndex.TryAdd(output, i);

        var path = new List<int>();
        var seenAt = new Dictionary<int, int>();
        int current = stuck[0];
        while (!seenAt.ContainsKey(current))
        {
            seenAt[current] = path.Count;
            path.Add(current);
            // Every stuck node waits on at least one stuck producer, so this always finds a next step.
            current = Uses(nodes[current]).Where(producerIndex.ContainsKey).Select(u => producerIndex[u]).First(stuckSet.Contains);
        }
        var cycle = path.Skip(seenAt[current]).Reverse().Select(i => Describe(graph, nodes[i])).ToList();
        cycle.Add(cycle[0]);
        return string.Join(" -> ", cycle);
    }

    /// <summary>Inputs of a node plus the outer-scope values its subgraphs read: both order the node after their producers.</summary>
    private static IEnumerable<string> Uses(Node node)
    {
        foreach (var input in node.Inputs)
            if (input.Length > 0) yield return input;
        foreach (var sub in Subgraphs(node))
        foreach (var free in FreeValues(sub))
            yield return free;
    }

    private static IEnumerable<string> FreeValues(Graph graph)
    {
        var local = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in graph.Inputs) local.Add(input.Name);
        foreach (var init in graph.Initializers) local.Add(init.Name);
        foreach (var node in graph.Nodes)
        foreach (var output in node.Outputs)
            local.Add(output);
        var free = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in graph.Nodes)
        foreach (var use in Uses(node))
            if (!local.Contains(use)) free.Add(use);
        foreach (var output in graph.Outputs)
            if (!local.Contains(output.Name)) free.Add(output.Name);
        return free;
    }

    private static IEnumerable<Graph> Subgraphs(Node node)
    {
        foreach (var attribute in node.Attributes)
        {
            if (attribute.Kind == AttributeKind.Graph && attribute.Graph is not null) yield return attribute.Graph;
            if (attribute.Kind == AttributeKind.Graphs)
                foreach (var g in attribute.Graphs) yield return g;
        }
    }

    private static string Describe(Graph graph, Node node) =>
        node.Name.Length > 0 ? $"{node.OpType} node '{node.Name}'" : $"{node.OpType} node #{graph.Nodes.IndexOf(node)}";
}
