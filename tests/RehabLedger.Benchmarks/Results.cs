using RehabLedger.Benchmarks.Measurement;
using RehabLedger.Benchmarks.Phases;
using static RehabLedger.Benchmarks.Measurement.Report;

namespace RehabLedger.Benchmarks;

/// <summary>Turns each phase's figures into its section of the report, with the targets checked.</summary>
public sealed class Results(Report report)
{
    private const double MaxGrowthChange = 0.20;
    private BulkFigures? _bulk;

    public void Writes(IReadOnlyList<WriteFigures> figures, IReadOnlyList<(string Table, double AverageKb)> documents)
    {
        report.Section(1, "Writes: one clinical entry (a session) per transaction");
        report.Note("Entries per second. (a) `recordSession` over HTTP with variables, (b) the same `RecordSession` command " +
                    "in process through Wolverine, (c) plain Marten: append one event and save, no projections, " +
                    "(d) one raw `INSERT` of the event row into a table indexed like `mt_events`. Beside them, (e): the inline " +
                    "documents a session writes, with raw SQL in one transaction: the `Episode` snapshot written back with an " +
                    "`UPDATE` and one `RecordedSession` document `INSERT`ed, which shows how much of b/d is the documents.");
        report.Table(["concurrency", "(a) GraphQL/HTTP", "(b) command", "(c) plain Marten", "(d) raw INSERT", "a/b (≥ 0.8)", "b/d (≥ 0.5 at 8)", "c/d", "(e) raw document writes", "b/e"],
            figures.Select(f => (IReadOnlyList<string>)
            [
                f.Concurrency.ToString(), Rate(f.Http.PerSecond), Rate(f.InProcess.PerSecond), Rate(f.PlainMarten.PerSecond), Rate(f.Raw.PerSecond),
                report.Check($"writes a/b at concurrency {f.Concurrency} ≥ 0.8", f.Http.PerSecond / f.InProcess.PerSecond, minimum: 0.8),
                f.Concurrency == 8
                    ? report.Check("writes b/d at concurrency 8 ≥ 0.5", f.InProcess.PerSecond / f.Raw.PerSecond, minimum: 0.5)
                    : Ratio(f.InProcess.PerSecond / f.Raw.PerSecond),
                Ratio(f.PlainMarten.PerSecond / f.Raw.PerSecond),
                Rate(f.RawDocuments.PerSecond),
                Ratio(f.InProcess.PerSecond / f.RawDocuments.PerSecond),
            ]));
        report.Note("Latency p50 / p99 in milliseconds:");
        report.Table(["concurrency", "(a)", "(b)", "(c)", "(d)", "(e)"], figures.Select(f => (IReadOnlyList<string>)
            [f.Concurrency.ToString(), Latency(f.Http), Latency(f.InProcess), Latency(f.PlainMarten), Latency(f.Raw), Latency(f.RawDocuments)]));
        report.Note("Each session recorded through the service reads and rewrites the inline `Episode` snapshot and inserts one " +
                    "`RecordedSession` document (and the daemon later rewrites the `CaseloadRow` and `EpisodeTimeline`); their " +
                    "average stored sizes after the writes: " +
                    string.Join(", ", documents.Select(d => $"`{d.Table}` {d.AverageKb:0.0} KB")) + ".");
    }

    public void Bulk(BulkFigures figures)
    {
        _bulk = figures;
        report.Section(2, "Bulk import of historical records");
        report.Note($"The generated record ({Count(figures.Events)} events in {Count(figures.Streams)} streams), events per second.");
        report.Table(["path", "seconds", "events/s", "ratio to COPY"],
        [
            ["raw Npgsql binary COPY of the same stream and event rows", Seconds(figures.CopySeconds), Rate(figures.CopyPerSecond), "1.00"],
            ["Marten `BulkInsertEventsAsync` (no projections; item 4 builds them)", Seconds(figures.MartenSeconds), Rate(figures.MartenPerSecond),
                report.Check("bulk import ≥ 0.6 of COPY", figures.MartenPerSecond / figures.CopyPerSecond, minimum: 0.6)],
        ]);
    }

    public void Rebuild(RebuildFigures figures)
    {
        report.Section(4, "Projection rebuild");
        report.Note($"Every projection rebuilt by Marten's daemon over {Count(figures.Events)} events: one after another, which " +
                    "gives each projection's own time, and all at once, as the service rebuilds on start. Against one raw " +
                    "sequential read of `mt_events` (every row with its JSON body).");
        var rows = figures.Projections.Select(p => (IReadOnlyList<string>)[p.Projection, Seconds(p.Seconds), Rate(figures.Events / p.Seconds), ""]).ToList();
        rows.Add(["**all projections, one after another**", Seconds(figures.Seconds), Rate(figures.PerSecond), Ratio(figures.PerSecond / figures.RawReadPerSecond)]);
        rows.Add(figures.SideBySideSeconds is { } together
            ? ["**all projections at once** (the service's rebuild)", Seconds(together), Rate(figures.Events / together),
                report.Check("rebuild of all projections ≥ 0.5 of the raw read rate", figures.Events / together / figures.RawReadPerSecond, minimum: 0.5)]
            : ["**all projections at once** (the service's rebuild)", "failed", "", report.Check("rebuild of all projections ≥ 0.5 of the raw read rate", double.NaN, minimum: 0.5)]);
        rows.Add(["raw sequential read of `mt_events`", Seconds(figures.RawReadSeconds), Rate(figures.RawReadPerSecond), "1.00"]);
        rows.Add(["*for reference:* the raw read, each event also deserialized", Seconds(figures.DeserializedReadSeconds),
            Rate(figures.Events / figures.DeserializedReadSeconds), Ratio(figures.RawReadSeconds / figures.DeserializedReadSeconds)]);
        report.Table(["projection", "seconds", "events/s", "ratio to raw read"], rows);
        if (figures.SideBySideFailure is { } failure) report.Note($"Rebuilding all projections at once failed: {failure}");
    }

    public void Reads(IReadOnlyList<ReadFigures> figures)
    {
        report.Section(3, "Dashboard reads over HTTP");
        report.Note("Latency in milliseconds and requests per second: the GraphQL query against a minimal endpoint that " +
                    "reads the same projection documents with one SQL statement and writes them out as stored.");
        report.Table(["query", "concurrency", "GraphQL p50 / p95 / p99", "GraphQL req/s", "raw p50 / p95 / p99", "raw req/s", "p99 ratio (≤ 2)", "throughput ratio (≥ 0.5)"],
            figures.Select(f => (IReadOnlyList<string>)
            [
                f.Query, f.Concurrency.ToString(), Percentiles(f.GraphQL), Rate(f.GraphQL.PerSecond), Percentiles(f.Raw), Rate(f.Raw.PerSecond),
                report.Check($"{f.Query} p99 at concurrency {f.Concurrency} ≤ 2 × raw", f.GraphQL.P99Ms / f.Raw.P99Ms, maximum: 2),
                report.Check($"{f.Query} throughput at concurrency {f.Concurrency} ≥ 0.5 × raw", f.GraphQL.PerSecond / f.Raw.PerSecond, minimum: 0.5),
            ]));
    }

    public void TimeTravel(IReadOnlyList<TimeTravelFigures> figures, string? unavailable)
    {
        report.Section(5, "Time travel: `programAsOf`");
        if (unavailable is not null) report.Note($"`programAsOf`: **{unavailable}**.");
        var smallest = figures[0];
        report.Note("Latency in milliseconds, one client, as of the stream's last version. For reference, Marten folding the " +
                    "`Episode` snapshot, which holds the program, over the same stream in process (`AggregateStreamAsync` to that version).");
        report.Table(["stream events", "programAsOf p50 / p99", "ratio to 10 events (≤ 2 at 1,000)", "Marten fold p50 / p99", "ratio to 10 events"],
            figures.Select(f => (IReadOnlyList<string>)
            [
                Count(f.StreamEvents),
                f.ProgramAsOf is null ? "not available" : Percentiles(f.ProgramAsOf, p95: false),
                f.ProgramAsOf is null || smallest.ProgramAsOf is null ? "n/a"
                    : f.StreamEvents == 1000 ? report.Check("programAsOf at 1,000 events ≤ 2 × at 10", f.ProgramAsOf.P50Ms / smallest.ProgramAsOf.P50Ms, maximum: 2)
                    : Ratio(f.ProgramAsOf.P50Ms / smallest.ProgramAsOf.P50Ms),
                Percentiles(f.MartenFold, p95: false),
                Ratio(f.MartenFold.P50Ms / smallest.MartenFold.P50Ms),
            ]));
        if (unavailable is not null) report.Targets.Add(new TargetCheck("programAsOf at 1,000 events ≤ 2 × at 10", "not available", false));
    }

    public void Growth(GrowthFigures growth, IReadOnlyList<WriteFigures> writesBefore, IReadOnlyList<WriteFigures> writesAfter,
        IReadOnlyList<ReadFigures> readsBefore, IReadOnlyList<ReadFigures> readsAfter)
    {
        report.Section(2, "Bulk import of historical records");
        report.Note($"Growing the store in item 6 went through Marten's ordinary batched append instead (40 new streams per " +
                    $"session, inline projections in the same transaction): {Rate(growth.AppendPerSecond)} events/s, " +
                    $"{Ratio(growth.AppendPerSecond / _bulk!.CopyPerSecond)} of the COPY rate above.");

        report.Section(6, "Growth: the same figures after the store grew tenfold");
        report.Note($"{Count(growth.EventsBefore)} → {Count(growth.EventsAfter)} events. Appending {Count(growth.Appended)} events took " +
                    $"{Seconds(growth.AppendSeconds)} s ({Rate(growth.AppendPerSecond)} events/s); the async projections caught up " +
                    $"{Seconds(growth.CatchUpSeconds)} s after the last append. Target: no ratio changes by more than 20 %.");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var after in writesAfter)
        {
            var before = writesBefore.Single(w => w.Concurrency == after.Concurrency);
            var c = after.Concurrency;
            rows.Add(Absolute($"writes (b) entries/s at {c}", before.InProcess.PerSecond, after.InProcess.PerSecond, Rate));
            rows.Add(Change($"writes a/b at {c}", before.Http.PerSecond / before.InProcess.PerSecond, after.Http.PerSecond / after.InProcess.PerSecond));
            rows.Add(Change($"writes b/d at {c}", before.InProcess.PerSecond / before.Raw.PerSecond, after.InProcess.PerSecond / after.Raw.PerSecond));
            rows.Add(Change($"writes c/d at {c}", before.PlainMarten.PerSecond / before.Raw.PerSecond, after.PlainMarten.PerSecond / after.Raw.PerSecond));
            rows.Add(Absolute($"writes b/e at {c}", before.InProcess.PerSecond / before.RawDocuments.PerSecond,
                after.InProcess.PerSecond / after.RawDocuments.PerSecond, Ratio));
        }
        foreach (var after in readsAfter)
        {
            var before = readsBefore.Single(r => r.Query == after.Query && r.Concurrency == after.Concurrency);
            var name = $"{after.Query} at {after.Concurrency}";
            rows.Add(Absolute($"{name}: GraphQL p99 ms", before.GraphQL.P99Ms, after.GraphQL.P99Ms, Ms));
            rows.Add(Change($"{name}: p99 ratio", before.GraphQL.P99Ms / before.Raw.P99Ms, after.GraphQL.P99Ms / after.Raw.P99Ms));
            rows.Add(Change($"{name}: throughput ratio", before.GraphQL.PerSecond / before.Raw.PerSecond, after.GraphQL.PerSecond / after.Raw.PerSecond));
        }
        report.Table(["figure", "before", "after", "change (ratios: ≤ 20 %)"], rows);
    }

    public void LedgerCost(IReadOnlyList<CostFigures> figures)
    {
        report.Section(8, "Tamper-evident log (issue 14)");
        report.Note($"What the log and the read accounting cost, at concurrency {LedgerCostPhase.Concurrency}, in alternating rounds of the " +
                    "same run: recording sessions (the command in process, write (b)) with the log's producer running and with it stopped " +
                    "(the daemon's `ledger` agent; it logs what it missed when started again, and each round with the log starts once it " +
                    "has); the dashboard queries over GraphQL with every read accounted and with the access records discarded by the " +
                    "benchmark's writer. Latency p50 / p95 / p99 in milliseconds.");
        report.Table(["figure", "with p50 / p95 / p99", "with per s", "without p50 / p95 / p99", "without per s", "target"],
            figures.Select(f => (IReadOnlyList<string>)
            [
                f.Figure, Percentiles(f.With), Rate(f.With.PerSecond), Percentiles(f.Without), Rate(f.Without.PerSecond),
                f == figures[0]
                    ? report.Check($"writes with the log ≥ 0.9 × without, at {LedgerCostPhase.Concurrency}", f.With.PerSecond / f.Without.PerSecond, minimum: 0.9)
                    : report.Check($"{f.Figure} p99 with read accounting ≤ 1.2 × without, at {LedgerCostPhase.Concurrency}", f.With.P99Ms / f.Without.P99Ms, maximum: 1.2),
            ]));
    }

    public void LedgerAtScale(LedgerScaleFigures figures)
    {
        report.Section(8, "Tamper-evident log (issue 14)");
        report.Note($"After the growth of item 6: `ledgerVerification` over the first {Count(figures.Events)} events (at most " +
                    $"{Count(LedgerPhase.ScaleEvents)}; a `--full` run has that many), range by range, against a raw read of exactly " +
                    "those rows with the columns the log encodes (the faster of two, one before the verification and one after)." + (figures.Intact ? "" : " **The verification found the record altered.**"));
        report.Table(["", "seconds", "events/s", "ratio to raw read"],
        [
            [$"verification of the first {Count(figures.Events)} events", Seconds(figures.VerifySeconds), Rate(figures.VerifyPerSecond),
                Ratio(figures.VerifyPerSecond / figures.RawReadPerSecond)],
            ["raw read of the same rows", Seconds(figures.RawReadSeconds), Rate(figures.RawReadPerSecond), "1.00"],
        ]);
    }

    public void Memory(IEnumerable<(string Phase, long PeakBytes)> phases)
    {
        report.Section(7, "Peak memory of the service process");
        report.Note("Peak working set during each phase. The service runs in the benchmark's process, so this includes the " +
                    "load generator (and, during imports, the generated record held in memory); PostgreSQL's own processes are not counted.");
        report.Table(["phase", "peak working set (MB)"], phases.Select(p => (IReadOnlyList<string>)[p.Phase, Megabytes(p.PeakBytes)]));
    }

    private IReadOnlyList<string> Change(string figure, double before, double after)
    {
        var change = after / before - 1;
        return [figure, Ratio(before), Ratio(after),
            report.Check($"growth: {figure} changes by ≤ 20 %", Math.Abs(change), maximum: MaxGrowthChange, format: _ => Percent(change))];
    }

    private static IReadOnlyList<string> Absolute(string figure, double before, double after, Func<double, string> format) =>
        [figure, format(before), format(after), Percent(after / before - 1)];

    private static string Latency(LoadResult r) => $"{Ms(r.P50Ms)} / {Ms(r.P99Ms)}";

    private static string Percentiles(LoadResult r, bool p95 = true) =>
        p95 ? $"{Ms(r.P50Ms)} / {Ms(r.P95Ms)} / {Ms(r.P99Ms)}" : $"{Ms(r.P50Ms)} / {Ms(r.P99Ms)}";

    public void Ledger(LedgerFigures figures)
    {
        report.Section(8, "Tamper-evident log (issue 14)");
        report.Note($"The log over the {Count(figures.Events)} imported events: how long the daemon's leader took to hash and sign " +
                    "them all, counted from the start of the bulk import, and `ledgerVerification` over every event, range by range, " +
                    "against the raw sequential read of `mt_events` of item 4." + (figures.Intact ? "" : " **The verification found the record altered.**"));
        report.Table(["", "seconds", "events/s", "ratio to raw read"],
        [
            ["log built (bulk import, then the daemon logs every event)", Seconds(figures.CatchUpSeconds), Rate(figures.Events / figures.CatchUpSeconds), ""],
            ["verification of every event", Seconds(figures.VerifySeconds), Rate(figures.VerifyPerSecond), Ratio(figures.VerifyPerSecond / figures.RawReadPerSecond)],
            ["raw sequential read of `mt_events`", "", Rate(figures.RawReadPerSecond), "1.00"],
        ]);
    }

    private static string Seconds(double s) => s.ToString(s < 10 ? "0.00" : "0.0", System.Globalization.CultureInfo.InvariantCulture);
}
