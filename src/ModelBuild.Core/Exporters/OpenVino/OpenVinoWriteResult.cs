namespace ModelBuild.Core.Exporters.OpenVino;

/// <summary>What <see cref="OpenVinoWriter.Write"/> produced: the topology and the weights file, with their sizes.</summary>
public sealed record OpenVinoWriteResult(string XmlPath, long XmlLength, string BinPath, long BinLength, int LayerCount);
