namespace ModelBuild.Core.Exporters.TfLite;

/// <summary>
/// The TFLite model under construction: one subgraph's tensors, operators (appended in execution order), inputs
/// and outputs, plus the model's buffers and operator codes. Buffer 0 is the empty sentinel the schema requires;
/// identical constants share one buffer so repeated shape vectors and zero biases cost nothing.
/// </summary>
internal sealed class TfLiteModelBuilder
{
    private readonly Dictionary<string, int> _bufferByContent = new(StringComparer.Ordinal);

    public List<TfLiteTensor> Tensors { get; } = [];
    public List<byte[]> Buffers { get; } = [[]];
    public List<TfLiteOperator> Operators { get; } = [];
    public List<int> Inputs { get; } = [];
    public List<int> Outputs { get; } = [];

    public int AddTensor(string name, TfLiteTensorType type, int[] shape)
    {
        Tensors.Add(new TfLiteTensor(name, type, shape, 0));
        return Tensors.Count - 1;
    }

    public int AddConstant(string name, TfLiteTensorType type, int[] shape, byte[] data)
    {
        Tensors.Add(new TfLiteTensor(name, type, shape, Buffer(data)));
        return Tensors.Count - 1;
    }

    public void AddOperator(TfLiteBuiltinOperator code, int[] inputs, int[] outputs, TfLiteOperatorOptions? options = null) =>
        Operators.Add(new TfLiteOperator(code, inputs, outputs, options ?? TfLiteOperatorOptions.None));

    public long ConstantBytes => Buffers.Sum(b => (long)b.Length);

    private int Buffer(byte[] data)
    {
        // Dedup only small buffers by content: hashing every large weight would double the writer's reads.
        string? key = data.Length <= 4096 ? Convert.ToBase64String(data) : null;
        if (key is not null && _bufferByContent.TryGetValue(key, out var existing)) return existing;
        Buffers.Add(data);
        if (key is not null) _bufferByContent[key] = Buffers.Count - 1;
        return Buffers.Count - 1;
    }
}
