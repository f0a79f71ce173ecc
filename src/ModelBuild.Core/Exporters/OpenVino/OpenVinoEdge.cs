namespace ModelBuild.Core.Exporters.OpenVino;

/// <summary>An <c>&lt;edge&gt;</c>: output port <see cref="FromPort"/> of one layer feeds input port <see cref="ToPort"/> of another.</summary>
internal sealed record OpenVinoEdge(int FromLayer, int FromPort, int ToLayer, int ToPort);
