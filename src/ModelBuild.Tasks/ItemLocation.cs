using System;
using System.IO;
using System.Linq;
using System.Xml;
using Microsoft.Build.Framework;

namespace ModelBuild.Tasks;

/// <summary>
/// Where a <c>ModelAsset</c> item is written: its defining project file and the line of its element.
/// MSBuild gives a task the item but not its line; errors about an item's configuration are only useful when
/// they point at the line that needs fixing, so the project file is scanned for the element (cheap, and only
/// done when there is an error to report).
/// </summary>
internal sealed class ItemLocation
{
    private ItemLocation(string file, int line, int column)
    {
        File = file;
        Line = line;
        Column = column;
    }

    public string File { get; }

    public int Line { get; }

    public int Column { get; }

    public static ItemLocation Of(ITaskItem item, string fallbackProject)
    {
        var project = item.GetMetadata(Metadata.DefiningProjectFullPath);
        if (string.IsNullOrEmpty(project)) project = fallbackProject;
        var (line, column) = FindElement(project, item.ItemSpec);
        return new ItemLocation(project, line, column);
    }

    /// <summary>
    /// The element whose <c>Include</c> lists the item's spec verbatim wins; failing that (a property or a
    /// wildcard in <c>Include</c>), the one that mentions the file name; failing that, line 0 (file only).
    /// </summary>
    private static (int Line, int Column) FindElement(string project, string itemSpec)
    {
        if (string.IsNullOrEmpty(project) || !System.IO.File.Exists(project)) return (0, 0);
        var wanted = Normalize(itemSpec);
        var fileName = Path.GetFileName(wanted);
        (int, int)? byName = null;
        try
        {
            using var reader = XmlReader.Create(project, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            var info = (IXmlLineInfo)reader;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "ModelAsset") continue;
                var position = (info.LineNumber, info.LinePosition);
                var include = reader.GetAttribute("Include") ?? reader.GetAttribute("Update") ?? "";
                var specs = include.Split(';').Select(s => Normalize(s.Trim()));
                if (specs.Any(s => string.Equals(s, wanted, StringComparison.OrdinalIgnoreCase))) return position;
                if (byName is null && fileName.Length > 0 && include.IndexOf(fileName, StringComparison.OrdinalIgnoreCase) >= 0) byName = position;
            }
        }
        catch (XmlException)
        {
            // A project MSBuild could evaluate but XmlReader cannot read line by line: the file name alone still helps.
            return (0, 0);
        }
        catch (IOException)
        {
            return (0, 0);
        }
        return byName ?? (0, 0);
    }

    private static string Normalize(string path) => path.Replace('\\', '/').TrimStart('.', '/');
}
