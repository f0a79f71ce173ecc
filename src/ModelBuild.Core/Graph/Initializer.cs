using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Graph;

/// <summary>A named constant tensor of the graph (a weight); its bytes stay lazy in <see cref="Data"/>.</summary>
public sealed class Initializer
{
    public Initializer(string name, TensorData data)
    {
        Name = name;
        Data = data;
    }

    public string Name { get; set; }
    public TensorData Data { get; set; }
}
