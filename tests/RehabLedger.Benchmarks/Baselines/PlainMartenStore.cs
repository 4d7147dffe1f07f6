using JasperFx;
using Marten;
using Weasel.Core;

namespace RehabLedger.Benchmarks.Baselines;

/// <summary>
/// Marten with nothing of RehabLedger's on top: the same database, serializer and event metadata columns, in a schema
/// of its own, with no projections, no command handling and no GraphQL.
/// </summary>
public static class PlainMartenStore
{
    public const string Schema = "bench_plain";

    public static async Task<DocumentStore> CreateAsync(string connectionString)
    {
        var store = DocumentStore.For(options =>
        {
            options.Connection(connectionString);
            options.DatabaseSchemaName = Schema;
            options.AutoCreateSchemaObjects = AutoCreate.All;
            options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
            options.Events.MetadataConfig.CorrelationIdEnabled = true;
            options.Events.MetadataConfig.CausationIdEnabled = true;
            options.Events.MetadataConfig.UserNameEnabled = true;
            options.Events.MetadataConfig.HeadersEnabled = true;
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return store;
    }
}
