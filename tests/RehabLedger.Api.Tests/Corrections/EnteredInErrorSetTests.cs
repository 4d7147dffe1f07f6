using JasperFx.Events;
using RehabLedger.Caseload;
using RehabLedger.Common;
using RehabLedger.Corrections;
using RehabLedger.Episodes;
using RehabLedger.Sessions;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Corrections;

/// <summary>The one set of corrections, and the read models that apply it, without a host.</summary>
public sealed class when_applying_corrections
{
    private static readonly DateOnly Today = new(2026, 3, 18);
    private static readonly ActorRef By = new("pt-dana", "physical-therapist", "Dana Whitfield");
    private static readonly Guid EpisodeId = Guid.NewGuid();

    [Fact]
    public void an_entry_is_named_by_kind_and_id_and_corrected_once()
    {
        var set = new EnteredInErrorSet();
        var id = Guid.NewGuid();
        var first = InMemoryCorrections.Correction(EpisodeId, EntryKind.Session, id, version: 7);

        set.Apply(first);
        set.Apply(InMemoryCorrections.Correction(EpisodeId, EntryKind.Session, id, version: 9));

        set.Contains(EntryKind.Session, id).ShouldBeTrue();
        set.Contains(EntryKind.Assessment, id).ShouldBeFalse();
        set.Corrections.ShouldHaveSingleItem().ShouldBe(new Correction(first.Id, EntryKind.Session, id, "Entered in error", Today, 7, first.Data.By));
        set.Standing([id, Guid.NewGuid()], EntryKind.Session, x => x).Count().ShouldBe(1);
    }

    [Fact]
    public void as_of_a_version_an_entry_stands_until_its_correction_was_recorded()
    {
        var set = new EnteredInErrorSet();
        var id = Guid.NewGuid();
        set.Apply(InMemoryCorrections.Correction(EpisodeId, EntryKind.ProgramChange, id, version: 5));

        set.StandsAt(EntryKind.ProgramChange, id, 4).ShouldBeTrue();
        set.StandsAt(EntryKind.ProgramChange, id, 5).ShouldBeFalse();
        set.StandsAt(EntryKind.ProgramChange, id, null).ShouldBeFalse();
        set.StandsAt(EntryKind.ProgramChange, Guid.NewGuid(), null).ShouldBeTrue();
    }

    /// <summary>
    /// A stream recorded before ids were unique across kinds holds an assessment and a session with one id. Correcting
    /// the session must leave the assessment standing in every view, the timeline included.
    /// </summary>
    [Fact]
    public void every_view_leaves_out_the_same_entry_of_a_shared_id()
    {
        var shared = Guid.NewGuid();
        var events = new IEvent[]
        {
            Recorded(new EpisodeOpened(EpisodeId, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new Condition("M17.11", "Knee OA", "knee"), null, null,
                Today.AddDays(-30), By), 1),
            Recorded(new AssessmentRecorded(EpisodeId, shared, AssessmentKind.Initial, Today.AddDays(-30), Guid.NewGuid(), "Dana Whitfield",
                [new MeasureResult("LEFS", 38)], [], [], null, By), 2),
            Recorded(new SessionRecorded(EpisodeId, shared, Today.AddDays(-2), Attendance.Attended, 45, Guid.NewGuid(), "Dana Whitfield", [], 5, 3, 6, [],
                null, By), 3),
            InMemoryCorrections.Correction(EpisodeId, EntryKind.Session, shared, version: 4),
        };

        var episode = Episode.Create((EpisodeOpened)events[0].Data);
        episode.Apply((AssessmentRecorded)events[1].Data);
        episode.Apply((SessionRecorded)events[2].Data);
        episode.Apply((IEvent<EntryEnteredInError>)events[3]);
        CaseloadRow? row = null;
        EpisodeTimeline? timeline = null;
        foreach (var e in events)
        {
            row = new CaseloadProjection().Evolve(row, EpisodeId, e);
            timeline = new EpisodeTimelineProjection().Evolve(timeline, EpisodeId, e);
        }

        episode.StandingAssessments.Select(a => a.Id).ShouldBe([shared]);
        episode.FindEntry(shared).ShouldBe((EntryKind.Assessment, false));
        row!.StandingAssessments.Select(a => a.Id).ShouldBe([shared]);
        row.StandingSessions.ShouldBeEmpty();
        timeline!.Entries.Where(x => x.EnteredInError).Select(x => x.EventType).ShouldBe([timeline.Entries[2].EventType]);
        timeline.Entries[1].EnteredInError.ShouldBeFalse();
    }

    private static IEvent Recorded<T>(T data, long version) where T : notnull =>
        new Event<T>(data) { Id = Guid.NewGuid(), Version = version, EventTypeName = typeof(T).Name };
}
