using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Episodes;

/// <summary>
/// Access checks remember the owners of episodes they found (an episode never changes clinic), but never that an id
/// was not found: the episode may be opened with that id a moment later.
/// </summary>
public sealed class EpisodeOwnersTests(AppFixture fixture) : AppScenario(fixture)
{
    [Fact]
    public async Task an_id_refused_as_unknown_is_found_once_an_episode_is_opened_with_it()
    {
        var clinicId = await Host.RegisterClinic();
        var therapistId = await Host.RegisterTherapist(clinicId);
        var patientId = await Host.RegisterPatient(clinicId);
        var e = new EpisodeSetup(clinicId, therapistId, patientId, Guid.NewGuid(), 1);

        var early = await GraphQL(SessionsApi.RecordSessionMutation, new { input = SessionsApi.AttendedInput(e, 1, Today) });
        early.ErrorCode.ShouldBe("NOT_FOUND");

        var input = ClinicalApi.OpenEpisodeInput(clinicId, therapistId, patientId, Today.AddDays(-5));
        var opened = (await GraphQL(ClinicalApi.OpenEpisodeMutation, new { input = WithId(input, e.EpisodeId) })).Ok();
        ClinicalApi.IdOf(opened["openEpisode"]!["episode"]!).ShouldBe(e.EpisodeId);

        (await GraphQL(SessionsApi.RecordSessionMutation, new { input = SessionsApi.AttendedInput(e, 1, Today) })).Ok();
    }

    [Fact]
    public async Task a_remembered_owner_still_keeps_other_clinics_out()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-5));
        // The first write remembers the owner; the outsider's attempt is then checked against the remembered one.
        var version = await Host.RecordAttended(e, e.Version, Today.AddDays(-1));
        var outsider = TestTokens.Therapist(await Host.RegisterClinic());

        var refused = await GraphQL(SessionsApi.RecordSessionMutation, new { input = SessionsApi.AttendedInput(e, version, Today) },
            headers: Host.As(outsider));

        refused.ErrorCode.ShouldBe("NOT_FOUND");
    }

    private static Dictionary<string, object?> WithId(object input, Guid id)
    {
        var fields = input.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(input));
        fields["id"] = id;
        return fields;
    }
}
