// Adds one RID's ReadyToRun assemblies to the converter's portable publish folder, as that RID's runtime assets.
// Run by src/ModelBuild.Tasks/ReadyToRunTool.targets at pack time (a .NET file-based app: `dotnet run <file> --`),
// because an inline MSBuild code task compiles against netstandard, which has no JSON API.
//
// Usage: AddReadyToRunAssets <portable publish folder> <ReadyToRun publish folder> <rid> <tfm> <entry assembly>
//
// Every runtime asset of modelbuild.deps.json that has a precompiled twin in the ReadyToRun folder gets a copy under
// runtimes/<rid>/lib/<tfm>/ and a runtimeTargets entry naming it for <rid>; the dotnet host then loads the twin on
// that RID and the IL assembly everywhere else. The entry assembly is skipped: the host loads it from the path it is
// given, never through deps.json.
using System.Text.Json;
using System.Text.Json.Nodes;

if (args.Length != 5)
{
    Console.Error.WriteLine("usage: AddReadyToRunAssets <publish folder> <ReadyToRun folder> <rid> <tfm> <entry assembly>");
    return 2;
}
var (publishDir, readyToRunDir, rid, tfm, entryAssembly) = (args[0], args[1], args[2], args[3], args[4]);
var depsPath = Directory.GetFiles(publishDir, "*.deps.json").Single();
var deps = JsonNode.Parse(File.ReadAllText(depsPath))!;
int added = 0;
foreach (var (_, target) in deps["targets"]!.AsObject())
{
    foreach (var (_, library) in target!.AsObject())
    {
        if (library!["runtime"] is not JsonObject runtime) continue;
        foreach (var (asset, info) in runtime.ToList())
        {
            var name = Path.GetFileName(asset);
            var precompiled = Path.Combine(readyToRunDir, name);
            if (string.Equals(name, entryAssembly, StringComparison.OrdinalIgnoreCase) || !File.Exists(precompiled)) continue;
            var relative = $"runtimes/{rid}/lib/{tfm}/{name}";
            var destination = Path.Combine(publishDir, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(precompiled, destination, overwrite: true);
            var entry = new JsonObject { ["rid"] = rid, ["assetType"] = "runtime" };
            foreach (var (key, value) in info!.AsObject()) entry[key] = value?.DeepClone();
            if (library["runtimeTargets"] is not JsonObject runtimeTargets) library["runtimeTargets"] = runtimeTargets = [];
            runtimeTargets[relative] = entry;
            added++;
        }
    }
}
if (added == 0)
{
    Console.Error.WriteLine($"error: no ReadyToRun assembly in {readyToRunDir} matches a runtime asset of {depsPath}");
    return 1;
}
File.WriteAllText(depsPath, deps.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
Console.WriteLine($"{added} ReadyToRun assemblies for {rid} added to {depsPath}");
return 0;
