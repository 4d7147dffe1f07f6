using Marten;
using RehabLedger.Episodes;

namespace RehabLedger.Insurers;

public static class InsurersModule
{
    public static StoreOptions ConfigureInsurers(this StoreOptions options)
    {
        // outcomeHistories finds a payer's episodes by the coverage's payer id.
        options.Schema.For<Episode>().Index(e => e.Coverage!.PayerId);
        return options;
    }
}
