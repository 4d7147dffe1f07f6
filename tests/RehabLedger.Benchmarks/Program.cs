namespace RehabLedger.Benchmarks;

public static class BenchmarkProgram
{
    /// <summary>
    /// Results (markdown) go to standard output, progress to standard error:
    /// <c>dotnet run -c Release --project tests/RehabLedger.Benchmarks -- --quick &gt; results.md</c>
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        var size = args switch
        {
            [] or ["--quick"] => BenchmarkSize.Quick,
            ["--full"] => BenchmarkSize.Full,
            _ => null,
        };
        if (size is null)
        {
            await Console.Error.WriteLineAsync("usage: dotnet run -c Release --project tests/RehabLedger.Benchmarks -- [--quick | --full]");
            return 2;
        }

        Console.Write(await BenchmarkRun.RunAsync(size));
        return 0;
    }
}
