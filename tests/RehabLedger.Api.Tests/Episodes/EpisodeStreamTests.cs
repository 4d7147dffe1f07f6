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

    /// <summary>
    /// Shaped as the convention shapes an episode event: <c>Guid EpisodeId</c> first and <c>ActorRef By</c> last.
    /// Read models and views that name an episode first do not end with the actor; commands do, and are told apart
    /// by <see cref="IActorCommand"/>.
    /// </summary>
    private static bool ShapedAsEpisodeEvent(Type type) =>
        type.GetConstructors().Any(c => c.GetParameters() is [{ Name: "EpisodeId" } id, .., { Name: "By" } by]
            && id.ParameterType == typeof(Guid) && by.ParameterType == typeof(ActorRef));

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
    public void every_record_shaped_as_an_episode_event_is_listed()
    {
        // Catches an event that nothing applies yet.
        var records = Api.GetTypes()
            .Where(t => t is { IsPublic: true, IsClass: true, IsAbstract: false } && t.GetMethod("<Clone>$") is not null)
            .Where(t => !typeof(IActorCommand).IsAssignableFrom(t) && ShapedAsEpisodeEvent(t));

        records.Except(EpisodeStream.EventTypes).ShouldBeEmpty("episode events missing from EpisodeStream.EventTypes");
    }

    [Fact]
    public void the_timeline_takes_exactly_the_listed_events() =>
        new EpisodeTimelineProjection().IncludedEventTypes.ShouldBe(EpisodeStream.EventTypes, ignoreOrder: true);
}
