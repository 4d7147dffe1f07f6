using System.Diagnostics;
using System.Runtime.InteropServices;
using RehabLedger.Benchmarks.Data;
using RehabLedger.Benchmarks.Hosting;
using RehabLedger.Benchmarks.Measurement;
using RehabLedger.Benchmarks.Phases;

namespace RehabLedger.Benchmarks;

/// <summary>
/// The whole run: provision, import, rebuild, log, write, read, the log's cost, time travel, grow tenfold, write and
/// read again, verify the log at scale. Phases run in the order the data needs; the report prints items 1 to 7 of
/// issue 7 in order, then item 8 of issue 14 (the log and its cost).
/// </summary>
public static class BenchmarkRun
{
    public static async Task<string> RunAsync(BenchmarkSize size)
    {
        var clock = Stopwatch.StartNew();
        var report = new Report();
        var results = new Results(report);
        await using var memory = new MemorySampler();

        BenchmarkContext.Progress($"{size.Name} run: starting the service and its PostgreSQL");
        BenchmarkContext context;
        using (memory.Phase("start"))
            context = new BenchmarkContext(BenchmarkHost.Start(), size);
        await using var host = context.Host;

        var record = new ClinicalDataGenerator(context.Today, seed: 7).Generate(size.Therapists, size.TimeTravelSizes);
        context.Record = record;
        context.UseWriteTargets(record.WriteTargets);

        var sinceImport = Stopwatch.StartNew();
        using (memory.Phase("bulk import"))
            results.Bulk(await new BulkImportPhase(context).RunAsync(record));
        RebuildFigures rebuilt;
        using (memory.Phase("rebuild"))
            results.Rebuild(rebuilt = await new RebuildPhase(context).RunAsync());
        using (memory.Phase("ledger"))
            results.Ledger(await new LedgerPhase(context).RunAsync(sinceImport, rebuilt.RawReadPerSecond));

        var writes = new WritePhase(context);
        var reads = new ReadPhase(context);
        IReadOnlyList<WriteFigures> writesBefore;
        IReadOnlyList<ReadFigures> readsBefore;
        using (memory.Phase("writes"))
            writesBefore = await writes.RunAsync(size.Concurrency);
        using (memory.Phase("reads"))
            readsBefore = await reads.RunAsync(size.Concurrency);
        results.Writes(writesBefore, await writes.DocumentSizesAsync());
        results.Reads(readsBefore);
        using (memory.Phase("ledger cost"))
            results.LedgerCost(await new LedgerCostPhase(context, writes, reads).RunAsync());

        var timeTravel = new TimeTravelPhase(context);
        using (memory.Phase("time travel"))
            results.TimeTravel(await timeTravel.RunAsync(), timeTravel.Unavailable);

        GrowthFigures growth;
        IReadOnlyList<WriteFigures> writesAfter;
        IReadOnlyList<ReadFigures> readsAfter;
        using (memory.Phase("growth import"))
            growth = await new GrowthPhase(context).RunAsync();
        context.UseWriteTargets(growth.WriteTargets);
        using (memory.Phase("writes after growth"))
            writesAfter = await writes.RunAsync(size.GrowthConcurrency);
        using (memory.Phase("reads after growth"))
            readsAfter = await reads.RunAsync(size.GrowthConcurrency);
        await writes.DisposeAsync();
        results.Growth(growth, writesBefore, writesAfter, readsBefore, readsAfter);
        using (memory.Phase("ledger at scale"))
            results.LedgerAtScale(await new LedgerPhase(context).RunAtScaleAsync());

        results.Memory(memory.Phases);
        BenchmarkContext.Progress($"done in {clock.Elapsed.TotalSeconds:0} s");
        return report.ToMarkdown(Title(size, record, clock.Elapsed));
    }

    private static string Title(BenchmarkSize size, ClinicalRecord record, TimeSpan elapsed) =>
        $"""
        Benchmark --{size.Name}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC

        - Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; load average at the end: {LoadAverage()}.
        - Record: {Report.Count(record.EventCount)} events in {Report.Count(record.Streams.Count)} streams: {size.Therapists} therapists, each with {ClinicalDataGenerator.ActivePerTherapist} active and {ClinicalDataGenerator.DischargedPerTherapist} discharged episodes, and episodes of {string.Join(", ", size.TimeTravelSizes)} events for item 5; grown tenfold in item 6.
        - Each figure: {size.Warmup.TotalSeconds:0.#} s warm-up, then {size.Measure.TotalSeconds:0.#} s measured. Run time: {elapsed.TotalSeconds:0} s.
        """;

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
