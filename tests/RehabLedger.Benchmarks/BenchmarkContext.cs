using Marten;
using RehabLedger.Benchmarks.Data;
using RehabLedger.Benchmarks.Hosting;
using RehabLedger.Benchmarks.Measurement;
using RehabLedger.Common;

namespace RehabLedger.Benchmarks;

/// <summary>What every phase works with: the running service, the generated record, the size, and where results go.</summary>
public sealed class BenchmarkContext(BenchmarkHost host, BenchmarkSize size, Report report, MemorySampler memory)
{
    public BenchmarkHost Host { get; } = host;
    public BenchmarkSize Size { get; } = size;
    public Report Report { get; } = report;
    public MemorySampler Memory { get; } = memory;
    public DocumentStore Store => (DocumentStore)Host.Store;
    public DateOnly Today { get; } = TimeProvider.System.Today();
    public ClinicalRecord Record { get; set; } = null!;

    /// <summary>Versions of <see cref="ClinicalRecord.WriteTargets"/> as the write phases move them on.</summary>
    public long[] WriteTargetVersions { get; set; } = [];

    /// <summary>Figures kept to compare after growth, by name.</summary>
    public Dictionary<string, double> Figures { get; } = [];

    public static void Progress(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
