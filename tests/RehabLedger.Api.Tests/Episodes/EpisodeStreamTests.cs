using System.Reflection;
using JasperFx.Events;
using RehabLedger.Common;
using RehabLedger.Episodes;

namespace RehabLedger.Tests.Episodes;

/// <summary>
/// EpisodeStream.EventTypes is the one list every whole-episode view takes its events from; these tests fail when
/// an event written to an episode stream is missing from it. Marten's own registry of event types cannot serve:
/// it fills lazily, from projections' allow-lists (this very list) and from events as they are first appended.
/// </summary>
public sealed class EpisodeStreamTests
{
    private static readonly Assembly Api = typeof(EpisodeStream).Assembly;

    /// <summary>An episode event names its stream first: its first constructor parameter is <c>Guid EpisodeId</c>.</summary>
    private static bool StartsWithEpisodeId(Type type) =>
        type.GetConstructors().Any(c => c.GetParameters() is [{ Name: "EpisodeId" } id, ..] && id.ParameterType == typeof(Guid));

    [Fact]
    public void the_episode_aggregate_applies_exactly_the_listed_events()
    {
        var applied = typeof(Episode).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.Name is "Apply" or "Create" && m.GetParameters().Length == 1)
            .Select(m => m.GetParameters()[0].ParameterType)
            .Select(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IEvent<>) ? t.GetGenericArguments()[0] : t);

        applied.ShouldBe(EpisodeStream.EventTypes, ignoreOrder: true);
    }

    [Fact]
    public void every_record_that_names_an_episode_first_is_listed_unless_it_is_a_command()
    {
        // Catches an event that nothing applies yet.
        var records = Api.GetTypes()
            .Where(t => t is { IsPublic: true, IsClass: true, IsAbstract: false } && t.GetMethod("<Clone>$") is not null)
            .Where(t => !typeof(IActorCommand).IsAssignableFrom(t) && StartsWithEpisodeId(t));

        records.Except(EpisodeStream.EventTypes).ShouldBeEmpty("episode events missing from EpisodeStream.EventTypes");
    }

    [Fact]
    public void the_timeline_takes_exactly_the_listed_events() =>
        new EpisodeTimelineProjection().IncludedEventTypes.ShouldBe(EpisodeStream.EventTypes, ignoreOrder: true);
}
