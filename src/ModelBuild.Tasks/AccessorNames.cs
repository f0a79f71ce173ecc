using System.Linq;
using System.Text;

namespace ModelBuild.Tasks;

/// <summary>Accessor class names: the default made from a file name, and the check for a given one.</summary>
internal static class AccessorNames
{
    /// <summary><c>resnet-18.v2</c> → <c>Resnet18V2</c>; a leading digit gets a <c>_</c>.</summary>
    public static string FromFileName(string fileName)
    {
        var name = new StringBuilder();
        bool upper = true;
        foreach (var c in fileName)
        {
            if (char.IsLetterOrDigit(c) && c < 128)
            {
                name.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }
        if (name.Length == 0) return "Model";
        if (char.IsDigit(name[0])) name.Insert(0, '_');
        return name.ToString();
    }

    public static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => c < 128 && (char.IsLetterOrDigit(c) || c == '_'));
}
