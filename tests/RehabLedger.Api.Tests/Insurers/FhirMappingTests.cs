using Hl7.Fhir.Model;
using Condition = RehabLedger.Episodes.Condition;
using Coverage = RehabLedger.Episodes.Coverage;
using RehabLedger.Common;
using RehabLedger.Episodes;
using RehabLedger.Goals;
using RehabLedger.Insurers;
using RehabLedger.Insurers.Fhir;
using RehabLedger.Outcomes;
using RehabLedger.Sessions;
using FhirGoal = Hl7.Fhir.Model.Goal;

namespace RehabLedger.Tests.Insurers;

/// <summary>Host-free checks of the FHIR mapping: codes, ids and the goal status translation.</summary>
public sealed class FhirMappingTests
{
    [Fact]
    public void every_catalog_measure_has_a_coding_and_carries_its_catalog_code()
    {
        foreach (var measure in OutcomeMeasureCatalog.All)
        {
            var concept = MeasureCodings.Concept(measure);
            concept.Coding.ShouldContain(c => c.System == FhirSystems.OutcomeMeasures && c.Code == measure.Code, measure.Code);
            MeasureCodings.Quantity(measure, 1m).Code.ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Theory]
    [InlineData("NPRS", "72514-3")]
    [InlineData("ODI", "97909-6")]
    [InlineData("KOOSJR", "82332-8")]
    [InlineData("NDI", "82237-9")]
    [InlineData("TUG", "89423-8")]
    [InlineData("6MWT", "64098-7")]
    [InlineData("LEFS", null)]
    [InlineData("DASH", null)]
    [InlineData("QuickDASH", null)]
    [InlineData("BBS", null)]
    [InlineData("PSFS", null)]
    public void measures_carry_the_loinc_code_where_one_was_verified(string code, string? loinc)
    {
        var concept = MeasureCodings.Concept(OutcomeMeasureCatalog.Get(code));

        concept.Coding.SingleOrDefault(c => c.System == FhirSystems.Loinc)?.Code.ShouldBe(loinc);
        if (loinc is null) concept.Coding.ShouldNotContain(c => c.System == FhirSystems.Loinc);
    }

    [Fact]
    public void bundle_ids_are_stable_for_an_episode_distinct_between_episodes_and_version_5()
    {
        var episode = Guid.NewGuid();

        var one = new BundleIds(episode).Urn("Goal", "a");
        new BundleIds(episode).Urn("Goal", "a").ShouldBe(one);
        new BundleIds(episode).Urn("Goal", "b").ShouldNotBe(one);
        new BundleIds(Guid.NewGuid()).Urn("Goal", "a").ShouldNotBe(one);
        one.ShouldStartWith("urn:uuid:");
        Guid.Parse(one["urn:uuid:".Length..]).Version.ShouldBe(5);
    }

    [Theory]
    [InlineData(GoalStatus.Active, FhirGoal.GoalLifecycleStatus.Active, "in-progress", null)]
    [InlineData(GoalStatus.Achieved, FhirGoal.GoalLifecycleStatus.Completed, "achieved", "Achieved")]
    [InlineData(GoalStatus.PartlyAchieved, FhirGoal.GoalLifecycleStatus.Completed, "not-achieved", "Partly achieved")]
    [InlineData(GoalStatus.Discontinued, FhirGoal.GoalLifecycleStatus.Cancelled, "not-achieved", "Discontinued")]
    public void a_goal_status_becomes_a_lifecycle_and_an_achievement(GoalStatus status, FhirGoal.GoalLifecycleStatus lifecycle, string achievement, string? text)
    {
        var by = new ActorRef("t-1", "therapist", "Robin Ames");
        var episodeId = Guid.NewGuid();
        var episode = Episode.Create(new EpisodeOpened(episodeId, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(),
            new Condition("M17.11", "Primary osteoarthritis, right knee", "knee"), null, new Coverage("acme", "Acme", "A-1"), new(2026, 1, 5), by));
        var goal = new GoalSet(episodeId, Guid.NewGuid(), "Kneel to garden", null, null, null, null, null, new(2026, 1, 5), by);
        episode.Apply(goal);
        if (status != GoalStatus.Active) episode.Apply(new GoalStatusSet(episodeId, goal.GoalId, status, "Note.", new(2026, 2, 1), by));
        var patient = new RehabLedger.Patients.Patient { Id = episode.PatientId, BirthDate = new(1970, 1, 1) };
        var history = OutcomeHistoryBuilder.Of(episode, EpisodeSessions.None, patient, new(2026, 3, 18))!;

        var bundle = OutcomeHistoryBundle.Build(history, new OutcomeHistorySources(episode, EpisodeSessions.None, patient, []), DateTimeOffset.UnixEpoch);

        var fhirGoal = bundle.Entry.Select(e => e.Resource).OfType<FhirGoal>().Single();
        fhirGoal.LifecycleStatus.ShouldBe(lifecycle);
        fhirGoal.AchievementStatus!.Coding.Single().Code.ShouldBe(achievement);
        if (text is not null) fhirGoal.AchievementStatus.Text.ShouldBe(text);
    }
}
