using System.Text.Json.Nodes;
using Alba;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Security;

/// <summary>Which records a cell aims at: the caller's own (clinic A, the consenting patient) or another clinic's (B).</summary>
public enum Side
{
    Own,
    Other,
}

public enum Outcome
{
    /// <summary>Answered without any error.</summary>
    Allowed,

    /// <summary>401, one UNAUTHENTICATED error, nothing executed.</summary>
    Unauthenticated,

    /// <summary>403, one FORBIDDEN error, nothing executed: the role may not use the operation at all.</summary>
    Forbidden,

    /// <summary>200, one FORBIDDEN error on the named argument: a clinic or payer outside the caller's reach.</summary>
    ForbiddenArgument,

    /// <summary>The field answers null exactly as for an id that does not exist.</summary>
    Hidden,

    /// <summary>NOT_FOUND on the named input, word for word what an unknown id gets.</summary>
    NotFound,
}

public sealed record Expectation(Outcome Outcome, string? Field = null)
{
    public static readonly Expectation Allowed = new(Outcome.Allowed);
    public static readonly Expectation Unauthenticated = new(Outcome.Unauthenticated);
    public static readonly Expectation Forbidden = new(Outcome.Forbidden);
    public static readonly Expectation Hidden = new(Outcome.Hidden);

    public override string ToString() => Field is null ? Outcome.ToString() : $"{Outcome} on {Field}";
}

/// <summary>The records a request is built for; <see cref="Unknown"/> gives the same shape with ids that exist nowhere.</summary>
/// <param name="PatientVersion">The patient stream's version, for consent changes; found by <see cref="Operation.Fresh"/>.</param>
public sealed record Target(ClinicRecords Records, string Payer, long PatientVersion = 0)
{
    public Target Unknown() => this with
    {
        Records = new ClinicRecords(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Records.Version, Guid.NewGuid(), Guid.NewGuid()),
    };
}

public sealed record Request(string Query, object Variables);

/// <summary>What a cell needs besides its target: the host, the world, today.</summary>
public sealed record MatrixContext(IAlbaHost Host, SecurityWorld World, DateOnly Today)
{
    public string Day(int offset = 0) => Today.AddDays(offset).ToString("yyyy-MM-dd");
}

/// <param name="Targeted">Whether the operation names records, so that it is tried against both sides.</param>
/// <param name="Fresh">For an allowed write: records to change, so the world stays as it is for every other cell.</param>
/// <param name="Check">For an allowed answer: what it must and must not hold.</param>
public sealed record Operation(
    string Field,
    bool Targeted,
    Func<MatrixContext, Target, Request> Build,
    Func<Who, Side, Expectation> Expect,
    Func<MatrixContext, Side, Task<Target>>? Fresh = null,
    Action<JsonNode?, MatrixContext, Who, Side>? Check = null);

/// <summary>
/// Every root field with the answer each role gets, on its own clinic's records and on another clinic's. The matrix
/// test takes its rows from the running schema, so a field missing here fails instead of going untested.
/// </summary>
public static class RoleMatrix
{
    private static readonly Who[] Staff = [Who.PlatformAdmin, Who.ClinicAdmin, Who.Therapist, Who.Auditor];

    public static readonly IReadOnlyDictionary<string, Operation> Operations = new[]
    {
        // Queries.
        new Operation("Query.outcomeMeasures", false, (_, _) => Q("{ outcomeMeasures { code } }"), (_, _) => Expectation.Allowed),
        new Operation("Query.clinics", false, (_, _) => Q("{ clinics { id } }"), ReadList,
            Check: (data, x, caller, _) => ShouldSeeOnlyOwn(data!["clinics"].Ids(), x, caller, r => r.ClinicId)),
        new Operation("Query.clinic", true, (_, t) => Q("query($id: ID!) { clinic(id: $id) { id name therapists { id clinicId } } }", new { id = t.Records.ClinicId }),
            ReadOne),
        new Operation("Query.patient", true,
            (_, t) => Q("query($id: ID!) { patient(id: $id) { id familyName clinic { id } episodes { id } consents { payerId } } }", new { id = t.Records.PatientId }),
            ReadOne),
        new Operation("Query.episode", true,
            (_, t) => Q("query($id: ID!) { episode(id: $id) { id patient { id } clinic { id } therapist { id } } }", new { id = t.Records.EpisodeId }),
            ReadOne),
        new Operation("Query.caseload", true,
            (_, t) => Q("query($id: ID!) { caseload(clinicId: $id) { totalCount edges { node { episodeId } } } }", new { id = t.Records.ClinicId }),
            (c, s) => ReadClinicList(c, s, "clinicId")),
        new Operation("Query.myEpisodes", false, (_, _) => Q("{ myEpisodes { id version exercises { id name } } }"),
            (c, _) => c switch { Who.Anonymous => Expectation.Unauthenticated, Who.Patient => Expectation.Allowed, _ => Expectation.Forbidden },
            Check: (data, x, _, _) =>
            {
                data!["myEpisodes"].Ids().ShouldContain(x.World.A.EpisodeId);
                data["myEpisodes"].Ids().ShouldNotContain(x.World.B.EpisodeId);
            }),
        new Operation("Query.myConsents", false, (_, _) => Q("{ myConsents { patientId version consents { payerId } } }"),
            (c, _) => c switch { Who.Anonymous => Expectation.Unauthenticated, Who.Patient => Expectation.Allowed, _ => Expectation.Forbidden },
            Check: (data, x, _, _) => data!["myConsents"]!["patientId"]!.GetValue<string>().ShouldBe(x.World.A.PatientId.ToString())),
        new Operation("Query.accessLog", true,
            (_, t) => Q("query($id: ID) { accessLog(filter: { clinicId: $id }) { totalCount } }", new { id = t.Records.ClinicId }),
            (c, s) => c switch
            {
                Who.Anonymous => Expectation.Unauthenticated,
                Who.PlatformAdmin => Expectation.Allowed,
                Who.Auditor => s == Side.Own ? Expectation.Allowed : new Expectation(Outcome.ForbiddenArgument, "filter.clinicId"),
                _ => Expectation.Forbidden,
            }),
        new Operation("Query.disclosures", true,
            (_, t) => Q("query($id: ID!) { disclosures(patientId: $id) { totalCount } }", new { id = t.Records.PatientId }),
            (c, s) => c switch
            {
                Who.Anonymous => Expectation.Unauthenticated,
                Who.PlatformAdmin => Expectation.Allowed,
                Who.ClinicAdmin or Who.Patient => s == Side.Own ? Expectation.Allowed : Expectation.Hidden,
                _ => Expectation.Forbidden,
            }),
        new Operation("Query.outcomeHistory", true,
            (_, t) => Q("query($id: ID!) { outcomeHistory(episodeId: $id) { episodeId visitsUsed } }", new { id = t.Records.EpisodeId }),
            OutcomeHistoryExpectation,
            Check: (data, _, _, _) => data!["outcomeHistory"].ShouldNotBeNull()),
        new Operation("Query.outcomeHistoryFhir", true,
            (_, t) => Q("query($id: ID!) { outcomeHistoryFhir(episodeId: $id) }", new { id = t.Records.EpisodeId }),
            OutcomeHistoryExpectation,
            Check: (data, _, _, _) => data!["outcomeHistoryFhir"].ShouldNotBeNull()),
        new Operation("Query.outcomeHistories", true,
            (x, t) => Q("query($payer: String!, $from: DateOnly!, $to: DateOnly!) { outcomeHistories(payerId: $payer, from: $from, to: $to) { edges { node { episodeId } } } }",
                new { payer = t.Payer, from = x.Day(-30), to = x.Day() }),
            (c, s) => c switch
            {
                Who.Anonymous => Expectation.Unauthenticated,
                Who.Patient => Expectation.Forbidden,
                Who.Insurer when s == Side.Other => new Expectation(Outcome.ForbiddenArgument, "payerId"),
                _ => Expectation.Allowed,
            },
            Check: (data, x, caller, side) =>
            {
                var listed = data!["outcomeHistories"]!["edges"]!.AsArray().Select(e => Guid.Parse(e!["node"]!["episodeId"]!.GetValue<string>())).ToList();
                if (side == Side.Other) { listed.ShouldBeEmpty(); return; }
                listed.ShouldContain(x.World.A.EpisodeId);
                // Clinic staff see their clinic's episodes; the insurer only those whose patient consents (B's does not).
                if (caller != Who.PlatformAdmin) listed.ShouldNotContain(x.World.B.EpisodeId);
            }),

        // Audit: program history for clinic staff; raw events and the trail for those who audit.
        new Operation("Query.programHistory", true,
            (_, t) => Q("query($id: ID!) { programHistory(episodeId: $id) { edges { node { kind } } } }", new { id = t.Records.EpisodeId }),
            (c, s) => Audit(c, s, therapistToo: true)),
        new Operation("Query.programAsOf", true,
            (x, t) => Q("query($id: ID!, $day: DateOnly!) { programAsOf(episodeId: $id, effectiveOn: $day) { version exercises { name } } }",
                new { id = t.Records.EpisodeId, day = x.Day() }),
            (c, s) => Audit(c, s, therapistToo: true)),
        new Operation("Query.episodeEvents", true,
            (_, t) => Q("query($id: ID!) { episodeEvents(episodeId: $id) { totalCount edges { node { type } } } }", new { id = t.Records.EpisodeId }),
            (c, s) => Audit(c, s, therapistToo: false)),
        new Operation("Query.auditTrail", true,
            (_, t) => Q("query($id: ID) { auditTrail(filter: { episodeId: $id }) { edges { node { streamId type } } } }", new { id = t.Records.EpisodeId }),
            (c, _) => c switch
            {
                Who.Anonymous => Expectation.Unauthenticated,
                Who.PlatformAdmin or Who.ClinicAdmin or Who.Auditor => Expectation.Allowed,
                _ => Expectation.Forbidden,
            },
            Check: (data, x, caller, side) =>
            {
                var streams = data!["auditTrail"]!["edges"]!.AsArray().Select(e => Guid.Parse(e!["node"]!["streamId"]!.GetValue<string>())).ToList();
                // Another clinic's episode as a filter matches nothing, like an unknown one; the platform administrator sees it.
                if (side == Side.Other && caller != Who.PlatformAdmin) streams.ShouldBeEmpty();
                else streams.ShouldNotBeEmpty();
                streams.ShouldAllBe(id => id == (side == Side.Own ? x.World.A.EpisodeId : x.World.B.EpisodeId));
            }),

        // The event log: for those who audit; sizes, hashes and signatures of the whole store, never an event's content.
        new Operation("Query.ledgerHead", false, (_, _) => Q("{ ledgerHead { treeSize rootHash } }"), Auditing, Fresh: LoggedWorld),
        new Operation("Query.ledgerPublicKey", false, (_, _) => Q("{ ledgerPublicKey { keyId pem } }"), Auditing),
        new Operation("Query.ledgerInclusion", false, (_, _) => Q("{ ledgerInclusion(sequence: 1) { leafIndex path } }"), Auditing, Fresh: LoggedWorld),
        new Operation("Query.ledgerConsistency", false,
            (_, t) => Q("query($size: Long!) { ledgerConsistency(fromTreeSize: $size, toTreeSize: $size) { path } }", new { size = t.PatientVersion }),
            Auditing, Fresh: LoggedWorld),
        new Operation("Query.ledgerVerification", false,
            (_, _) => Q("{ ledgerVerification(fromSequence: 1, toSequence: 1000) { ok firstBadSequence } }"), Auditing, Fresh: LoggedWorld,
            Check: (data, _, _, _) => data!["ledgerVerification"]!["ok"]!.GetValue<bool>().ShouldBeTrue()),

        // Mutations that register.
        new Operation("Mutation.registerClinic", false,
            (_, _) => Q("mutation($input: RegisterClinicInput!) { registerClinic(input: $input) { clinic { id } } }", new { input = new { name = "Cedar PT" } }),
            (c, _) => c switch { Who.Anonymous => Expectation.Unauthenticated, Who.PlatformAdmin => Expectation.Allowed, _ => Expectation.Forbidden }),
        new Operation("Mutation.registerTherapist", true,
            (_, t) => Q("mutation($input: RegisterTherapistInput!) { registerTherapist(input: $input) { therapist { id } } }",
                new { input = new { clinicId = t.Records.ClinicId, displayName = "Sam Okoro", profession = "PTA" } }),
            (c, s) => Administer(c, s)),
        new Operation("Mutation.registerPatient", true,
            (_, t) => Q("mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { patient { id } } }",
                new { input = new { clinicId = t.Records.ClinicId, familyName = "Lind", givenName = "Ola", birthDate = "1970-02-03", sex = "MALE" } }),
            (c, s) => Administer(c, s)),
        new Operation("Mutation.openEpisode", true,
            (x, t) => Q(SecurityApi.OpenEpisode, new { input = ClinicalApi.OpenEpisodeInput(t.Records.ClinicId, t.Records.TherapistId, t.Records.PatientId, x.Today) }),
            (c, s) => c switch
            {
                Who.Anonymous => Expectation.Unauthenticated,
                Who.PlatformAdmin => Expectation.Allowed,
                Who.Therapist => s == Side.Own ? Expectation.Allowed : new Expectation(Outcome.ForbiddenArgument, "input.clinicId"),
                _ => Expectation.Forbidden,
            }),

        // Mutations that change an episode: clinicians of its clinic; another clinic's episode is not found.
        Clinical("recordAssessment", "RecordAssessmentInput", (x, r) => new
        {
            episodeId = r.EpisodeId, expectedVersion = r.Version, kind = "INITIAL", effectiveOn = x.Day(), assessorId = r.TherapistId,
            measures = new[] { new { code = "LEFS", value = 40 } },
        }),
        Clinical("dischargeEpisode", "DischargeEpisodeInput", (x, r) => new
        {
            episodeId = r.EpisodeId, expectedVersion = r.Version, effectiveOn = x.Day(), reason = "Goals met",
        }),
        Clinical("certifyPlanOfCare", "CertifyPlanOfCareInput", (x, r) => new
        {
            episodeId = r.EpisodeId, expectedVersion = r.Version, start = x.Day(-10), end = x.Day(20), physician = new { name = "Dr. Ines Moreau" },
        }),
        Clinical("prescribeExercise", "PrescribeExerciseInput", (x, r) => ProgramApi.PrescribeInput(r.EpisodeId, r.Version, x.Today, "Clamshell")),
        Clinical("adjustDosage", "AdjustDosageInput", (x, r) => new
        {
            episodeId = r.EpisodeId, expectedVersion = r.Version, exerciseId = r.ExerciseId, kind = "PROGRESSION",
            dosage = ProgramApi.Dosage(sets: 4), reason = "Over-performing", effectiveOn = x.Day(),
        }),
        Clinical("substituteExercise", "SubstituteExerciseInput", (x, r) => new
        {
            episodeId = r.EpisodeId, expectedVersion = r.Version, exerciseId = r.ExerciseId, reason = "Knee pain", effectiveOn = x.Day(),
            replacement = new { name = "Glute bridge march", category = "STRENGTHENING", dosage = ProgramApi.Dosage() },
        }),
        Clinical("discontinueExercise", "DiscontinueExerciseInput", (x, r) => new
        {
            episodeId = r.EpisodeId, expectedVersion = r.Version, exerciseId = r.ExerciseId, reason = "No longer needed", effectiveOn = x.Day(),
        }),
        Clinical("setGoal", "SetGoalInput", (x, r) => new
        {
            episodeId = r.EpisodeId, expectedVersion = r.Version, description = "Climb stairs", effectiveOn = x.Day(),
        }),
        Clinical("reviseGoal", "ReviseGoalInput", (x, r) => new
        {
            episodeId = r.EpisodeId, expectedVersion = r.Version, goalId = r.GoalId, description = "Walk to the shop", reason = "Moved house",
            effectiveOn = x.Day(),
        }),
        Clinical("setGoalStatus", "SetGoalStatusInput", (x, r) => new
        {
            episodeId = r.EpisodeId, expectedVersion = r.Version, goalId = r.GoalId, status = "ACHIEVED", effectiveOn = x.Day(),
        }),
        Clinical("issueProgressReport", "IssueProgressReportInput", (x, r) => new
        {
            episodeId = r.EpisodeId, expectedVersion = r.Version, effectiveOn = x.Day(),
            goalSummaries = new[] { new { goalId = r.GoalId, summary = "Halfway there" } },
        }),
        Clinical("recordSession", "RecordSessionInput", (x, r) => new
        {
            episodeId = r.EpisodeId, expectedVersion = r.Version, date = x.Day(), attendance = "ATTENDED", minutes = 45,
        }),
        Clinical("markEnteredInError", "MarkEnteredInErrorInput", (_, r) => new
        {
            episodeId = r.EpisodeId, expectedVersion = r.Version, entryId = r.GoalId, reason = "Wrong patient",
        }),
        Clinical("logHomeExercise", "LogHomeExerciseInput", (x, r) => new
        {
            episodeId = r.EpisodeId, expectedVersion = r.Version, date = x.Day(), exerciseId = r.ExerciseId, sets = 2, reportedBy = "PATIENT",
        }, patientToo: true),

        // Consent: the patient's clinicians and administrators, or the patient themself.
        Consent("grantConsent", "GrantConsentInput", fresh: async (x, side) =>
        {
            var records = side == Side.Own ? x.World.A : x.World.B;
            return new Target(records, "payer-" + Guid.NewGuid().ToString("N")[..8], await SecurityApi.PatientVersion(x.Host, records.PatientId));
        }),
        Consent("revokeConsent", "RevokeConsentInput", fresh: async (x, side) =>
        {
            var records = side == Side.Own ? x.World.A : x.World.B;
            var payer = "payer-" + Guid.NewGuid().ToString("N")[..8];
            await SecurityApi.GrantConsent(x.Host, records.PatientId, payer);
            return new Target(records, payer, await SecurityApi.PatientVersion(x.Host, records.PatientId));
        }),
    }.ToDictionary(o => o.Field);

    private static Request Q(string query, object? variables = null) => new(query, variables ?? new { });

    private static Expectation Auditing(Who caller, Side side) => caller switch
    {
        Who.Anonymous => Expectation.Unauthenticated,
        Who.PlatformAdmin or Who.ClinicAdmin or Who.Auditor => Expectation.Allowed,
        _ => Expectation.Forbidden,
    };

    /// <summary>The world once a signed head covers it; the head's size rides in the target's otherwise unused version.</summary>
    private static async Task<Target> LoggedWorld(MatrixContext x, Side side)
    {
        var head = await x.Host.HeadCoveringEverything();
        return new Target(x.World.A, SecurityWorld.Payer, PatientVersion: head.Head.TreeSize);
    }

    private static Expectation ReadList(Who caller, Side side) =>
        caller == Who.Anonymous ? Expectation.Unauthenticated : Staff.Contains(caller) ? Expectation.Allowed : Expectation.Forbidden;

    private static Expectation ReadOne(Who caller, Side side) => caller switch
    {
        Who.Anonymous => Expectation.Unauthenticated,
        Who.PlatformAdmin => Expectation.Allowed,
        Who.ClinicAdmin or Who.Therapist or Who.Auditor => side == Side.Own ? Expectation.Allowed : Expectation.Hidden,
        _ => Expectation.Forbidden,
    };

    private static Expectation ReadClinicList(Who caller, Side side, string argument) => caller switch
    {
        Who.Anonymous => Expectation.Unauthenticated,
        Who.PlatformAdmin => Expectation.Allowed,
        Who.ClinicAdmin or Who.Therapist or Who.Auditor => side == Side.Own ? Expectation.Allowed : new Expectation(Outcome.ForbiddenArgument, argument),
        _ => Expectation.Forbidden,
    };

    private static Expectation OutcomeHistoryExpectation(Who caller, Side side) => caller switch
    {
        Who.Anonymous => Expectation.Unauthenticated,
        Who.Patient => Expectation.Forbidden,
        Who.PlatformAdmin => Expectation.Allowed,
        // B's episode: another clinic for the staff, and for the insurer a patient who gave no consent.
        _ => side == Side.Own ? Expectation.Allowed : Expectation.Hidden,
    };

    private static Expectation Audit(Who caller, Side side, bool therapistToo) => caller switch
    {
        Who.Anonymous => Expectation.Unauthenticated,
        Who.PlatformAdmin => Expectation.Allowed,
        Who.ClinicAdmin or Who.Auditor => side == Side.Own ? Expectation.Allowed : new Expectation(Outcome.NotFound, "episodeId"),
        Who.Therapist when therapistToo => side == Side.Own ? Expectation.Allowed : new Expectation(Outcome.NotFound, "episodeId"),
        _ => Expectation.Forbidden,
    };

    private static Expectation Administer(Who caller, Side side) => caller switch
    {
        Who.Anonymous => Expectation.Unauthenticated,
        Who.PlatformAdmin => Expectation.Allowed,
        Who.ClinicAdmin => side == Side.Own ? Expectation.Allowed : new Expectation(Outcome.ForbiddenArgument, "input.clinicId"),
        _ => Expectation.Forbidden,
    };

    private static Operation Clinical(string field, string inputType, Func<MatrixContext, ClinicRecords, object> input, bool patientToo = false) =>
        new($"Mutation.{field}", true,
            (x, t) => Q($"mutation($input: {inputType}!) {{ {field}(input: $input) {{ version }} }}", new { input = input(x, t.Records) }),
            (c, s) => c switch
            {
                Who.Anonymous => Expectation.Unauthenticated,
                Who.PlatformAdmin => Expectation.Allowed,
                Who.Therapist => s == Side.Own ? Expectation.Allowed : new Expectation(Outcome.NotFound, "input.episodeId"),
                Who.Patient when patientToo => s == Side.Own ? Expectation.Allowed : new Expectation(Outcome.NotFound, "input.episodeId"),
                _ => Expectation.Forbidden,
            },
            Fresh: async (x, side) =>
            {
                var clinic = side == Side.Own ? x.World.A : x.World.B;
                return new Target(await SecurityApi.Episode(x.Host, clinic.ClinicId, clinic.TherapistId, clinic.PatientId, x.Today), SecurityWorld.Payer);
            });

    private static Operation Consent(string field, string inputType, Func<MatrixContext, Side, Task<Target>> fresh) =>
        new($"Mutation.{field}", true,
            (_, t) => Q($"mutation($input: {inputType}!) {{ {field}(input: $input) {{ patientId version consents {{ payerId active }} }} }}",
                new { input = new { patientId = t.Records.PatientId, expectedVersion = t.PatientVersion, payerId = t.Payer } }),
            (c, s) => c switch
            {
                Who.Anonymous => Expectation.Unauthenticated,
                Who.PlatformAdmin => Expectation.Allowed,
                Who.ClinicAdmin or Who.Therapist or Who.Patient =>
                    s == Side.Own ? Expectation.Allowed : new Expectation(Outcome.NotFound, "input.patientId"),
                _ => Expectation.Forbidden,
            },
            Fresh: fresh);

    private static void ShouldSeeOnlyOwn(IEnumerable<Guid> listed, MatrixContext x, Who caller, Func<ClinicRecords, Guid> id)
    {
        var ids = listed.ToList();
        ids.ShouldContain(id(x.World.A));
        if (caller == Who.PlatformAdmin) ids.ShouldContain(id(x.World.B));
        else ids.ShouldNotContain(id(x.World.B));
    }
}
