namespace ModelBuild.Core.Tensors;

/// <summary>A tensor with the name a container file (safetensors, npz) or a graph gives it.</summary>
public sealed record NamedTensor(string Name, TensorData Data);
