using Marten;
using RehabLedger.Disclosures;
using RehabLedger.MerkleLog;
using RehabLedger.Tests.Support;
using RehabLedger.Verify;
using static RehabLedger.Tests.Support.AuditApi;
using static RehabLedger.Tests.Support.LedgerApi;

namespace RehabLedger.Tests.MerkleLog;

public sealed class when_proving_the_log_to_an_auditor(AppFixture fixture) : AppScenario(fixture)
{
    private async Task<(EpisodeSetup Episode, long Version)> Record(int prescriptions)
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var v = e.Version;
        for (var i = 0; i < prescriptions; i++) (_, _, v) = await Host.Prescribe(Dana, e.EpisodeId, v, Today.AddDays(-9), $"Exercise {i}", Dosage());
        return (e, v);
    }

    [Fact]
    public async Task every_event_is_covered_by_a_signed_head_within_a_bounded_lag()
    {
        await Record(3);
        var stored = await Host.HeadCoveringEverything();

        var head = await Host.SignedHead();
        head.TreeSize.ShouldBe(await EventCount());
        head.LastSequence.ShouldBe(await Fixture.Store.LastSequence());
        (await Host.PublishedKey()).Verifies(head).ShouldBeTrue();
        // The daemon polls for new events; a head follows within seconds even on a loaded test machine.
        stored.LagMilliseconds.ShouldBeLessThan(10_000);

        var (status, contentType, pem) = await Host.Get(LedgerExport.KeyRoute, bearer: "");
        status.ShouldBe(200);
        contentType.ShouldStartWith("application/x-pem-file");
        new HeadSignature(pem).Verifies(head).ShouldBeTrue();
    }

    [Fact]
    public async Task inclusion_proofs_by_sequence_and_by_event_id_verify_outside_the_service()
    {
        var (e, _) = await Record(4);
        await Host.HeadCoveringEverything();
        var key = await Host.PublishedKey();
        var events = await Host.AllEpisodeEvents(e.EpisodeId);

        foreach (var variables in new object[] { new { sequence = events[2].Long("sequence") }, new { eventId = events[3].Text("id") } })
        {
            var proof = (await GraphQL(Inclusion, variables)).Ok()["ledgerInclusion"]!.As<InclusionProof>();
            ProofCheck.Inclusion(proof, key).Ok.ShouldBeTrue();
            proof.Path[0] = proof.Path[0].Replace(proof.Path[0][0], proof.Path[0][0] == 'a' ? 'b' : 'a');
            ProofCheck.Inclusion(proof, key).Ok.ShouldBeFalse();
        }
    }

    [Fact]
    public async Task a_later_head_is_proven_consistent_with_a_head_the_auditor_kept()
    {
        await Record(1);
        await Host.HeadCoveringEverything();
        var kept = await Host.SignedHead();
        await Record(2);
        await Host.HeadCoveringEverything();
        var latest = await Host.SignedHead();
        latest.TreeSize.ShouldBeGreaterThan(kept.TreeSize);

        var proof = (await GraphQL(Consistency, new { from = kept.TreeSize, to = latest.TreeSize })).Ok()["ledgerConsistency"]!.As<ConsistencyProof>();
        proof.From.RootHash.ShouldBe(kept.RootHash);
        ProofCheck.Consistency(proof, await Host.PublishedKey()).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task verification_and_the_outside_verifier_find_an_untouched_record_intact()
    {
        await Record(3);
        await Host.HeadCoveringEverything();
        var head = await Host.SignedHead();

        var report = (await GraphQL(Verification, new { from = 1, to = head.LastSequence })).Ok()["ledgerVerification"]!;
        report["ok"]!.GetValue<bool>().ShouldBeTrue(report.ToJsonString());
        report.Long("checkedEvents").ShouldBe(head.TreeSize);
        report["firstBadSequence"].ShouldBeNull();

        var finding = ExportCheck.Run(Lines(await Host.ExportText()), head, await Host.PublishedKey());
        finding.Ok.ShouldBeTrue(finding.ToString());
        finding.CheckedEvents.ShouldBe(head.TreeSize);
    }

    [Fact]
    public async Task a_clinic_auditor_exports_the_other_clinics_events_as_leaf_hashes_only_and_the_read_is_accounted()
    {
        var (mine, _) = await Record(1);
        var (theirs, _) = await Record(1);
        await Host.HeadCoveringEverything();
        var head = await Host.SignedHead();

        var lines = Lines(await Host.ExportText(bearer: Host.Token(TestTokens.Auditor(mine.ClinicId))));
        lines.Where(l => l.Event is not null).ShouldAllBe(l => l.Event!.StreamId != theirs.EpisodeId && l.Event.StreamId != theirs.PatientId);
        lines.ShouldContain(l => l.Event != null && l.Event.StreamId == mine.EpisodeId);
        lines.ShouldContain(l => l.Redacted);
        ExportCheck.Run(lines, head, await Host.PublishedKey()).Ok.ShouldBeTrue();

        // On record before the answer left: one disclosure per patient whose events were handed out, none for the other clinic's.
        var recorded = (await Fixture.Store.QuerySession().Events.QueryRawEventDataOnly<DisclosureRecorded>()
            .Where(d => d.Operation == "GET " + LedgerExport.Route).ToListAsync()).ToList();
        recorded.Select(d => d.PatientId).Distinct().ShouldBe([mine.PatientId]);
    }

    [Fact]
    public async Task arguments_out_of_range_are_refused_with_codes_naming_them()
    {
        await Record(0);
        await Host.HeadCoveringEverything();

        (await GraphQL(Inclusion, new { })).ErrorField.ShouldBe("sequence");
        (await GraphQL(Inclusion, new { sequence = 1, eventId = Guid.NewGuid() })).ErrorCode.ShouldBe("VALIDATION_FAILED");
        var unknown = await GraphQL(Inclusion, new { eventId = Guid.NewGuid() });
        (unknown.ErrorCode, unknown.ErrorField).ShouldBe(("NOT_FOUND", "eventId"));
        (await GraphQL(HeadQuery, new { size = 999_999 })).ErrorField.ShouldBe("treeSize");
        (await GraphQL(Consistency, new { from = 0, to = 1 })).ErrorField.ShouldBe("fromTreeSize");
        (await GraphQL(Verification, new { from = 5, to = 4 })).ErrorField.ShouldBe("toSequence");
        (await GraphQL(Verification, new { from = 1, to = LedgerVerification.MaxRange + 1 })).ErrorField.ShouldBe("toSequence");
        (await Host.Get(LedgerExport.Route + "?from=0")).Status.ShouldBe(400);
        (await Host.Get(LedgerExport.Route, Host.Token(TestTokens.Therapist(Guid.NewGuid())))).Status.ShouldBe(403);
    }
}
