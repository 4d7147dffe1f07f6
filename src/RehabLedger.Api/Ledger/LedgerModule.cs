using Marten;

namespace RehabLedger.MerkleLog;

public static class LedgerModule
{
    /// <summary>The key first: a service that cannot sign heads stops before it starts a database.</summary>
    public static WebApplicationBuilder AddRehabLedgerLedger(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(LedgerKey.Load(builder.Configuration, builder.Environment));
        builder.Services.AddSingleton<LedgerProgress>();
        return builder;
    }

    public static StoreOptions ConfigureLedger(this StoreOptions options)
    {
        options.Storage.Add(new LedgerSchema(options));
        return options;
    }

    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddLedgerProducer(
        this MartenServiceCollectionExtensions.MartenConfigurationExpression marten) =>
        // A subscription of the async daemon: its leader, and only it, extends the log (see LedgerProducer).
        marten.AddSubscriptionWithServices<LedgerProducer>(ServiceLifetime.Singleton);
}
