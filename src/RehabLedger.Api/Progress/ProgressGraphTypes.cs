using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using RehabLedger.Common;
using RehabLedger.Episodes;
using RehabLedger.Goals;
using RehabLedger.GraphQL;
using RehabLedger.Sessions;
using RehabLedger.GraphQL.Cost;

namespace RehabLedger.Progress;

public sealed class EpisodeProgressType : DerivedObjectType<EpisodeProgressView>;

public static class ProgressFields
{
    public static void AddProgressFields(this EpisodeType type) =>
        type.Field<NonNullGraphType<EpisodeProgressType>>("progress").Costs(FieldCost.Batched)
            .Description("How the patient is progressing, with its figures for today.")
            .Resolve(c =>
            {
                var today = c.RequestServices!.GetRequiredService<TimeProvider>().Today();
                return c.SessionsOf(c.Source).Then(entries => EpisodeProgressView.Of(c.Source, entries, today));
            });
}
