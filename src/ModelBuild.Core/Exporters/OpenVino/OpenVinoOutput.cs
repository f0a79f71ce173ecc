using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Exporters.OpenVino;

/// <summary>An output port of a layer already written, with what flows out of it.</summary>
internal readonly record struct OpenVinoOutput(int Layer, int Port, DataType Type, long[] Dims);
