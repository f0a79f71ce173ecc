namespace ModelBuild.Benchmarks;

internal static class Program
{
    private static int Main(string[] args)
    {
        switch (args)
        {
            case ["large-weights", var folder, var gib]:
                LargeWeights.Generate(folder, double.Parse(gib, System.Globalization.CultureInfo.InvariantCulture));
                return 0;
            case ["check-weights", var model, var safetensors]:
                return LargeWeights.Check(model, safetensors);
            default:
                Console.Error.WriteLine("usage: ModelBuild.Benchmarks large-weights <folder> <GiB> | check-weights <model.onnx> <weights.safetensors>");
                return 2;
        }
    }
}
