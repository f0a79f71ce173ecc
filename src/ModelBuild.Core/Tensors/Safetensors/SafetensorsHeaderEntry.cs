namespace ModelBuild.Core.Tensors.Safetensors;

/// <summary>One tensor as the header describes it, offsets relative to the data section, already validated.</summary>
internal sealed record SafetensorsHeaderEntry(string Name, int HeaderIndex, DataType DataType, long[] Shape, long Begin, long End);
