using System.Text.Json.Nodes;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using RehabLedger.Common;
using RehabLedger.Corrections;
using RehabLedger.Episodes;
using RehabLedger.Programs;
using Wolverine;

namespace RehabLedger.Tests.Support;

/// <summary>
/// Audit scenarios need several actors, but a request carries an identity only once authentication exists: these
/// helpers run the real commands through Wolverine with the actor set, as a request would after authentication.
/// </summary>
public static class AuditApi
{
    public static readonly ActorRef Dana = new("pt-dana", "physical-therapist", "Dana Whitfield");
    public static readonly ActorRef Marcus = new("pta-marcus", "physical-therapist-assistant", "Marcus Oyelaran");

    public static Dosage Dosage(int sets = 3, int repetitions = 10) => new(sets, repetitions, null, null, null, null, null, 3, 5, ExerciseSetting.Home);

    /// <summary>Runs a command as its actor; answers the episode's new version.</summary>
    public static async Task<long> Run(this IAlbaHost host, IActorCommand command, string? correlationId = null)
    {
        using var scope = host.Services.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageContext>();
        if (correlationId is not null) bus.CorrelationId = correlationId;
        var episode = await bus.InvokeAsync<Episode>(command);
        return episode.Version;
    }

    public static async Task<(Guid ExerciseId, Guid ChangeId, long Version)> Prescribe(this IAlbaHost host, ActorRef by, Guid episodeId,
        long version, DateOnly on, string name, Dosage dosage, string? correlationId = null)
    {
        var (exerciseId, changeId) = (Guid.NewGuid(), Guid.NewGuid());
        var next = await host.Run(new PrescribeExercise(episodeId, version, exerciseId, changeId, name, null, ExerciseCategory.Strengthening,
            dosage, null, null, "Initial program", on, by), correlationId);
        return (exerciseId, changeId, next);
    }

    public static async Task<(Guid ChangeId, long Version)> Adjust(this IAlbaHost host, ActorRef by, Guid episodeId, long version,
        Guid exerciseId, AdjustmentKind kind, Dosage dosage, DateOnly on, string reason)
    {
        var changeId = Guid.NewGuid();
        return (changeId, await host.Run(new AdjustDosage(episodeId, version, exerciseId, changeId, kind, dosage, reason, on, by)));
    }

    public static async Task<(Guid ReplacementId, Guid ChangeId, long Version)> Substitute(this IAlbaHost host, ActorRef by, Guid episodeId,
        long version, Guid exerciseId, string name, Dosage dosage, DateOnly on, string reason)
    {
        var (replacementId, changeId) = (Guid.NewGuid(), Guid.NewGuid());
        var next = await host.Run(new SubstituteExercise(episodeId, version, exerciseId, changeId, replacementId, name, null,
            ExerciseCategory.Strengthening, dosage, null, null, reason, on, by));
        return (replacementId, changeId, next);
    }

    public static Task<long> MarkInError(this IAlbaHost host, ActorRef by, Guid episodeId, long version, Guid entryId, string reason) =>
        host.Run(new MarkEnteredInError(episodeId, version, entryId, reason, by));

    public const string LedgerFields = "sequence id streamId version type recordedAt actor { id role displayName } correlationId causationId data";

    public static readonly string EpisodeEvents = $$"""
        query($id: ID!, $first: Int, $after: String) {
          episodeEvents(episodeId: $id, first: $first, after: $after) {
            totalCount pageInfo { hasNextPage endCursor } edges { cursor node { {{LedgerFields}} } }
          }
        }
        """;

    public static readonly string AuditTrail = $$"""
        query($filter: AuditFilter, $first: Int, $after: String) {
          auditTrail(filter: $filter, first: $first, after: $after) {
            pageInfo { hasNextPage endCursor } edges { node { {{LedgerFields}} } }
          }
        }
        """;

    /// <summary>Every event of an episode, read page by page through GraphQL.</summary>
    public static async Task<List<JsonNode>> AllEpisodeEvents(this IAlbaHost host, Guid episodeId) =>
        await All(host, EpisodeEvents, "episodeEvents", after => new { id = episodeId, first = 100, after });

    /// <summary>Every event the audit trail answers for a filter, newest first, read page by page.</summary>
    public static async Task<List<JsonNode>> AllAuditEvents(this IAlbaHost host, object? filter = null, int pageSize = 100) =>
        await All(host, AuditTrail, "auditTrail", after => new { filter, first = pageSize, after });

    private static async Task<List<JsonNode>> All(IAlbaHost host, string query, string field, Func<string?, object> variables)
    {
        var nodes = new List<JsonNode>();
        string? after = null;
        while (true)
        {
            var page = (await host.GraphQL(query, variables(after))).Ok()[field]!;
            nodes.AddRange(page["edges"]!.AsArray().Select(e => e!["node"]!));
            if (!page["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) return nodes;
            after = page["pageInfo"]!["endCursor"]!.GetValue<string>();
        }
    }

    public static long Long(this JsonNode node, string name) => node[name]!.GetValue<long>();

    public static string Text(this JsonNode node, string name) => node[name]!.GetValue<string>();

    public static DateTimeOffset Instant(this JsonNode node, string name) => DateTimeOffset.Parse(node.Text(name));
}
