using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;
using GraphModel = ModelBuild.Core.Graph.Graph;

namespace ModelBuild.Core.Exporters.OpenVino;

/// <summary>
/// Reads an IR v11 pair back into the graph hub as ONNX (opset 17) so ONNX Runtime can run it and the result can
/// be compared with the ONNX artifact the IR came from. It is written from the OpenVINO op definitions, not from
/// the writer's mapping (MVN and Gelu are expanded into primitive ONNX ops), so a wrong offset, a miswired port,
/// a transposed weight or a mis-spelt attribute shows up as a numerical difference. Consts stay lazy views of the
/// .bin. Values take the names on the output ports; Parameters and Results keep their XML order.
/// </summary>
public static class OpenVinoBackTranslator
{
    public const long Opset = 17;

    public static Model ToOnnx(string xmlPath)
    {
        var doc = OpenVinoIrDocument.Load(xmlPath);
        var t = new Translation(doc);
        var graph = t.Graph;
        foreach (var layer in doc.Layers) t.Translate(layer);
        GraphValidator.SortTopologically(graph, doc.XmlPath, DiagnosticCode.OpenVinoBackTranslation);
        var model = new Model(graph);
        model.OpsetImports[""] = Opset;
        GraphValidator.Validate(model, doc.XmlPath, DiagnosticCode.OpenVinoBackTranslation);
        return model;
    }

    private sealed class Translation
    {
        private readonly OpenVinoIrDocument _doc;
        private readonly Dictionary<(int, int), OpenVinoEdge> _into;
        private readonly Dictionary<int, OpenVinoLayer> _layers;
        private readonly Dictionary<string, TensorData> _constants = new(StringComparer.Ordinal);
        private readonly HashSet<string> _names = new(StringComparer.Ordinal);

        public Translation(OpenVinoIrDocument doc)
        {
            _doc = doc;
            _layers = doc.Layers.GroupBy(l => l.Id).ToDictionary(g => g.Key, g => g.First());
            _into = doc.Edges.GroupBy(e => (e.ToLayer, e.ToPort)).ToDictionary(g => g.Key, g => g.First());
        }

        public GraphModel Graph { get; } = new() { Name = "openvino_back_translation" };

        public void Translate(OpenVinoLayer l)
        {
            switch (l.Type.ToLowerInvariant())
            {
                case "parameter":
                {
                    var type = OpenVinoLayout.FromElementType(Data(l, "element_type"));
                    var dims = OpenVinoIrDocument.ParseList(Data(l, "shape"));
                    Graph.Inputs.Add(new ValueInfo(Out(l, 0), type, new TensorShape(dims.Select(d => d < 0 ? Dim.Unknown : Dim.Fixed(d)))));
                    break;
                }
                case "const" or "constant":
                {
                    var type = OpenVinoLayout.FromElementType(Data(l, "element_type"));
                    var shape = OpenVinoIrDocument.ParseList(Data(l, "shape"));
                    long offset = long.Parse(Data(l, "offset")), size = long.Parse(Data(l, "size"));
                    var data = TensorData.FromFile(_doc.BinPath, offset, size, type, shape);
                    if (data.ByteLength != size || offset + size > new FileInfo(_doc.BinPath).Length)
                        throw Fail(l, $"offset {offset} size {size} do not hold {Data(l, "element_type")}[{Data(l, "shape")}] inside the .bin");
                    var name = Out(l, 0);
                    _constants[name] = data;
                    Graph.Initializers.Add(new Initializer(name, data));
                    break;
                }
                case "result":
                {
                    var source = In(l, 0);
                    var port = l.Inputs[0];
                    Graph.Outputs.Add(new ValueInfo(source, port.ElementType == DataType.Undefined ? DataType.Float32 : port.ElementType,
                        new TensorShape(port.Dims.Select(d => d < 0 ? Dim.Unknown : Dim.Fixed(d)))));
                    break;
                }
                case "convert":
                    Emit(l, "Cast", [In(l, 0)], Out(l, 0), NodeAttribute.Of("to", (long)OpenVinoLayout.FromElementType(Data(l, "destination_type"))));
                    break;
                case "convolution":
                    Emit(l, "Conv", [In(l, 0), In(l, 1)], Out(l, 0), Window(l, withDilations: true));
                    break;
                case "groupconvolution":
                {
                    var w = l.Inputs[1].Dims;
                    if (w.Length < 3 || w.Any(d => d < 0)) throw Fail(l, "the grouped weight needs static dims");
                    long[] flat = [w[0] * w[1], .. w[2..]];
                    var shape = Constant(l, "/weight_shape", flat);
                    var reshaped = Emit(l, "Reshape", [In(l, 1), shape], Temp(l, "/weight"));
                    Emit(l, "Conv", [In(l, 0), reshaped], Out(l, 0), [.. Window(l, withDilations: true), NodeAttribute.Of("group", w[0])]);
                    break;
                }
                case "matmul":
                {
                    var a = In(l, 0);
                    var b = In(l, 1);
                    if (Bool(l, "transpose_a")) a = SwapLast(l, a, l.Inputs[0].Dims.Length, "/a_t");
                    if (Bool(l, "transpose_b")) b = SwapLast(l, b, l.Inputs[1].Dims.Length, "/b_t");
                    Emit(l, "MatMul", [a, b], Out(l, 0));
                    break;
                }
                case "add": Binary(l, "Add"); break;
                case "subtract": Binary(l, "Sub"); break;
                case "multiply": Binary(l, "Mul"); break;
                case "divide": Binary(l, "Div"); break;
                case "relu": Emit(l, "Relu", [In(l, 0)], Out(l, 0)); break;
                case "sigmoid": Emit(l, "Sigmoid", [In(l, 0)], Out(l, 0)); break;
                case "tanh": Emit(l, "Tanh", [In(l, 0)], Out(l, 0)); break;
                case "erf": Emit(l, "Erf", [In(l, 0)], Out(l, 0)); break;
                case "hswish": Emit(l, "HardSwish", [In(l, 0)], Out(l, 0)); break;
                case "clamp":
                    Emit(l, "Clip", [In(l, 0), Scalar(l, "/min", float.Parse(Data(l, "min"), System.Globalization.CultureInfo.InvariantCulture)),
                        Scalar(l, "/max", float.Parse(Data(l, "max"), System.Globalization.CultureInfo.InvariantCulture))], Out(l, 0));
                    break;
                case "gelu":
                    Gelu(l);
                    break;
                case "maxpool":
                {
                    if (l.Outputs.Count > 1 && _doc.Edges.Any(e => e.FromLayer == l.Id && e.FromPort == l.Outputs[1].Id))
                        throw Fail(l, "the indices output is used");
                    var attrs = Window(l, withDilations: l.Version != "opset1").ToList();
                    attrs.Add(NodeAttribute.Of("kernel_shape", OpenVinoIrDocument.ParseList(Data(l, "kernel"))));
                    attrs.Add(NodeAttribute.Of("ceil_mode", Optional(l, "rounding_type") == "ceil" ? 1L : 0L));
                    Emit(l, "MaxPool", [In(l, 0)], Out(l, 0), [.. attrs]);
                    break;
                }
                case "avgpool":
                {
                    var attrs = Window(l, withDilations: false).ToList();
                    attrs.Add(NodeAttribute.Of("kernel_shape", OpenVinoIrDocument.ParseList(Data(l, "kernel"))));
                    attrs.Add(NodeAttribute.Of("ceil_mode", Optional(l, "rounding_type") == "ceil" ? 1L : 0L));
                    attrs.Add(NodeAttribute.Of("count_include_pad", Bool(l, "exclude-pad") ? 0L : 1L));
                    Emit(l, "AveragePool", [In(l, 0)], Out(l, 0), [.. attrs]);
                    break;
                }
                case "reducemean":
                    Emit(l, "ReduceMean", [In(l, 0)], Out(l, 0), NodeAttribute.Of("axes", ConstInts(l, 1)), NodeAttribute.Of("keepdims", Bool(l, "keep_dims") ? 1L : 0L));
                    break;
                case "reshape":
                    Emit(l, "Reshape", [In(l, 0), In(l, 1)], Out(l, 0), NodeAttribute.Of("allowzero", Bool(l, "special_zero") ? 0L : 1L));
                    break;
                case "concat":
                    Emit(l, "Concat", l.Inputs.Select((_, i) => In(l, i)).ToArray(), Out(l, 0), NodeAttribute.Of("axis", long.Parse(Data(l, "axis"))));
                    break;
                case "softmax":
                    Emit(l, "Softmax", [In(l, 0)], Out(l, 0), NodeAttribute.Of("axis", long.Parse(Data(l, "axis"))));
                    break;
                case "transpose":
                    Emit(l, "Transpose", [In(l, 0)], Out(l, 0), NodeAttribute.Of("perm", ConstInts(l, 1)));
                    break;
                case "slice":
                    // OpenVINO Slice-8 inputs: data, start, stop, step, axes; ONNX Slice: data, starts, ends, axes, steps.
                    Emit(l, "Slice", [In(l, 0), In(l, 1), In(l, 2), In(l, 4), In(l, 3)], Out(l, 0));
                    break;
                case "mvn":
                    Mvn(l);
                    break;
                default:
                    throw Fail(l, $"{l.Type}/{l.Version} is not translated");
            }
        }

        private void Binary(OpenVinoLayer l, string op)
        {
            var broadcast = Optional(l, "auto_broadcast") ?? "numpy";
            if (broadcast != "numpy") throw Fail(l, $"auto_broadcast '{broadcast}'");
            Emit(l, op, [In(l, 0), In(l, 1)], Out(l, 0));
        }

        /// <summary>Gelu(x) = 0.5·x·(1 + erf(x/√2)) (ERF) or 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))) (TANH).</summary>
        private void Gelu(OpenVinoLayer l)
        {
            var x = In(l, 0);
            string inner;
            if ((Optional(l, "approximation_mode") ?? "ERF").Equals("TANH", StringComparison.OrdinalIgnoreCase))
            {
                var x3 = Emit(l, "Mul", [Emit(l, "Mul", [x, x], Temp(l, "/x2")), x], Temp(l, "/x3"));
                var poly = Emit(l, "Add", [x, Emit(l, "Mul", [x3, Scalar(l, "/c", 0.044715f)], Temp(l, "/cx3"))], Temp(l, "/poly"));
                inner = Emit(l, "Tanh", [Emit(l, "Mul", [poly, Scalar(l, "/k", MathF.Sqrt(2f / MathF.PI))], Temp(l, "/scaled"))], Temp(l, "/tanh"));
            }
            else
            {
                inner = Emit(l, "Erf", [Emit(l, "Mul", [x, Scalar(l, "/rsqrt2", 1f / MathF.Sqrt(2f))], Temp(l, "/scaled"))], Temp(l, "/erf"));
            }
            var onePlus = Emit(l, "Add", [inner, Scalar(l, "/one", 1f)], Temp(l, "/one_plus"));
            var half = Emit(l, "Mul", [x, Scalar(l, "/half", 0.5f)], Temp(l, "/half_x"));
            Emit(l, "Mul", [half, onePlus], Out(l, 0));
        }

        /// <summary>MVN: (x − mean) / sqrt(var + eps) (inside_sqrt) or / (sqrt(var) + eps), over the axes input.</summary>
        private void Mvn(OpenVinoLayer l)
        {
            var x = In(l, 0);
            var axes = NodeAttribute.Of("axes", ConstInts(l, 1));
            var mean = Emit(l, "ReduceMean", [x], Temp(l, "/mean"), axes, NodeAttribute.Of("keepdims", 1L));
            var centred = Emit(l, "Sub", [x, mean], Temp(l, "/centred"));
            if (!Bool(l, "normalize_variance"))
            {
                Emit(l, "Identity", [centred], Out(l, 0));
                return;
            }
            var variance = Emit(l, "ReduceMean", [Emit(l, "Mul", [centred, centred], Temp(l, "/squared"))], Temp(l, "/variance"), axes, NodeAttribute.Of("keepdims", 1L));
            var eps = Scalar(l, "/eps", float.Parse(Data(l, "eps"), System.Globalization.CultureInfo.InvariantCulture));
            bool insideSqrt = (Optional(l, "eps_mode") ?? "inside_sqrt").Equals("inside_sqrt", StringComparison.OrdinalIgnoreCase);
            var denominator = insideSqrt
                ? Emit(l, "Sqrt", [Emit(l, "Add", [variance, eps], Temp(l, "/var_eps"))], Temp(l, "/std"))
                : Emit(l, "Add", [Emit(l, "Sqrt", [variance], Temp(l, "/sqrt_var")), eps], Temp(l, "/std"));
            Emit(l, "Div", [centred, denominator], Out(l, 0));
        }

        private NodeAttribute[] Window(OpenVinoLayer l, bool withDilations)
        {
            var autoPad = (Optional(l, "auto_pad") ?? "explicit").ToLowerInvariant() switch
            {
                "explicit" or "notset" => "NOTSET",
                "valid" => "VALID",
                "same_upper" => "SAME_UPPER",
                "same_lower" => "SAME_LOWER",
                var other => throw Fail(l, $"auto_pad '{other}'"),
            };
            var attrs = new List<NodeAttribute> { NodeAttribute.Of("strides", OpenVinoIrDocument.ParseList(Data(l, "strides"))) };
            if (autoPad == "NOTSET")
                attrs.Add(NodeAttribute.Of("pads", OpenVinoIrDocument.ParseList(Data(l, "pads_begin")).Concat(OpenVinoIrDocument.ParseList(Data(l, "pads_end")))));
            else
                attrs.Add(NodeAttribute.Of("auto_pad", autoPad));
            if (withDilations && Optional(l, "dilations") is { } d) attrs.Add(NodeAttribute.Of("dilations", OpenVinoIrDocument.ParseList(d)));
            return [.. attrs];
        }

        private string SwapLast(OpenVinoLayer l, string value, int rank, string suffix)
        {
            if (rank < 2) throw Fail(l, "a transposed operand of rank below 2");
            var perm = Enumerable.Range(0, rank).Select(i => (long)i).ToArray();
            (perm[^1], perm[^2]) = (perm[^2], perm[^1]);
            return Emit(l, "Transpose", [value], Temp(l, suffix), NodeAttribute.Of("perm", perm));
        }

        private long[] ConstInts(OpenVinoLayer l, int port)
        {
            var source = In(l, port);
            if (!_constants.TryGetValue(source, out var data)) throw Fail(l, $"input {port} must come from a Const");
            return ShapeInference.ReadInt64s(data);
        }

        private string Constant(OpenVinoLayer l, string suffix, long[] values)
        {
            var name = Temp(l, suffix);
            var bytes = new byte[values.Length * 8];
            Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
            Graph.Initializers.Add(new Initializer(name, TensorData.FromBytes(bytes, DataType.Int64, [values.Length])));
            return name;
        }

        private string Scalar(OpenVinoLayer l, string suffix, float value)
        {
            var name = Temp(l, suffix);
            Graph.Initializers.Add(new Initializer(name, TensorData.FromBytes(BitConverter.GetBytes(value), DataType.Float32, [])));
            return name;
        }

        private string Emit(OpenVinoLayer l, string op, string[] inputs, string output, params NodeAttribute[] attributes)
        {
            var node = new Node(op, inputs, [output], Temp(l, "/" + op + "_node"));
            node.Attributes.AddRange(attributes);
            Graph.Nodes.Add(node);
            return output;
        }

        /// <summary>The ONNX name of an output port: its first tensor name, else layer name and port.</summary>
        private string Out(OpenVinoLayer l, int index)
        {
            if (index >= l.Outputs.Count) throw Fail(l, $"it has no output {index}");
            return PortName(l, l.Outputs[index]);
        }

        private string PortName(OpenVinoLayer l, OpenVinoPort port)
        {
            var first = port.Names is { Length: > 0 } names ? SplitNames(names)[0] : null;
            return first ?? $"{l.Name}:{port.Id}";
        }

        private static string[] SplitNames(string names)
        {
            var result = new List<string>();
            var current = new System.Text.StringBuilder();
            for (int i = 0; i < names.Length; i++)
            {
                if (names[i] == '\\' && i + 1 < names.Length && names[i + 1] == ',') { current.Append(','); i++; }
                else if (names[i] == ',') { result.Add(current.ToString().Trim()); current.Clear(); }
                else current.Append(names[i]);
            }
            result.Add(current.ToString().Trim());
            return [.. result];
        }

        /// <summary>The ONNX name of what feeds input <paramref name="index"/> of a layer.</summary>
        private string In(OpenVinoLayer l, int index)
        {
            if (index >= l.Inputs.Count) throw Fail(l, $"it has no input {index}");
            if (!_into.TryGetValue((l.Id, l.Inputs[index].Id), out var edge) || !_layers.TryGetValue(edge.FromLayer, out var from))
                throw Fail(l, $"input port {l.Inputs[index].Id} is not connected");
            var port = from.Outputs.FirstOrDefault(p => p.Id == edge.FromPort) ?? throw Fail(l, $"input port {l.Inputs[index].Id} comes from a missing port");
            return PortName(from, port);
        }

        private string Temp(OpenVinoLayer l, string suffix)
        {
            var name = l.Name + suffix;
            for (int k = 1; !_names.Add(name); k++) name = $"{l.Name}{suffix}_{k}";
            return name;
        }

        private string Data(OpenVinoLayer l, string key) => OpenVinoIrDocument.DataValue(l, key) ?? throw Fail(l, $"<data> lacks '{key}'");

        private static string? Optional(OpenVinoLayer l, string key) => OpenVinoIrDocument.DataValue(l, key);

        private bool Bool(OpenVinoLayer l, string key) => (Optional(l, key) ?? "false").Equals("true", StringComparison.OrdinalIgnoreCase);

        private ModelBuildException Fail(OpenVinoLayer l, string what) =>
            new(DiagnosticCode.OpenVinoBackTranslation, _doc.XmlPath, $"Layer {l.Id} ('{l.Name}', {l.Type}/{l.Version}) cannot be translated back to ONNX: {what}.");
    }
}
