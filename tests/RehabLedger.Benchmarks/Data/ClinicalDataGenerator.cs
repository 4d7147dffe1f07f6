using Bogus;
using RehabLedger.Clinics;
using RehabLedger.Common;
using RehabLedger.Episodes;
using RehabLedger.Patients;

namespace RehabLedger.Benchmarks.Data;

/// <summary>
/// Generates clinics, therapists, patients and their episodes of care as events, dated relative to today: each
/// episode has its certification, initial evaluation, goals, a five-exercise program (three in the clinic, two at
/// home) that is progressed every two weeks, two sessions a week with the exercises performed, home logs,
/// re-assessments every 30 days, progress reports every 10 attended sessions and, when discharged, a discharge
/// assessment. Every therapist carries <see cref="ActivePerTherapist"/> active and <see cref="DischargedPerTherapist"/>
/// discharged episodes. The same seed gives the same record.
/// </summary>
public sealed class ClinicalDataGenerator(DateOnly today, int seed)
{
    public const int ActivePerTherapist = 50;
    public const int DischargedPerTherapist = 10;
    private const int TherapistsPerClinic = 4;
    private static readonly ActorRef Importer = new("system:legacy-emr-import", "system", "Legacy EMR import");

    private readonly Faker _faker = new("en") { Random = new Randomizer(seed) };

    /// <summary>Clinics of four therapists each; <paramref name="timeTravelSizes"/> adds one episode per size with exactly that many events.</summary>
    public ClinicalRecord Generate(int therapists, IEnumerable<int> timeTravelSizes)
    {
        var record = new ClinicalRecord();
        Guid clinicId = default;
        var colleagues = new List<(Guid Id, string Name)>();
        for (var t = 0; t < therapists; t++)
        {
            if (t % TherapistsPerClinic == 0)
            {
                clinicId = NewId();
                colleagues.Clear();
                record.Streams.Add(Single(clinicId, typeof(Clinic), new ClinicRegistered(clinicId,
                    $"{_faker.Address.City()} Physical Therapy", Importer, Moment(today.AddDays(-400))), today.AddDays(-400)));
            }

            var therapist = (Id: NewId(), Name: _faker.Name.FullName());
            colleagues.Add(therapist);
            record.Streams.Add(Single(therapist.Id, typeof(Therapist), new TherapistRegistered(therapist.Id, clinicId, therapist.Name,
                "PT", $"PT-{_faker.Random.Number(10000, 99999)}", Importer, Moment(today.AddDays(-390))), today.AddDays(-390)));
            if (t == 0) record.Caseload = (clinicId, therapist.Id);

            for (var e = 0; e < ActivePerTherapist + DischargedPerTherapist; e++)
            {
                var discharged = e >= ActivePerTherapist;
                var episode = Episode(record, clinicId, therapist, discharged, eventCount: null);
                if (discharged) continue;
                if (t == 0) record.ProgressEpisodes.Add(episode.Id);
                else record.WriteTargets.Add(new WriteTarget(episode.Id, episode.Version, episode.ClinicExercises));
            }
        }

        foreach (var size in timeTravelSizes)
            record.TimeTravelEpisodes[size] = Episode(record, clinicId, colleagues[0], discharged: false, eventCount: size).Id;
        return record;
    }

    private (Guid Id, long Version, Guid[] ClinicExercises) Episode(ClinicalRecord record, Guid clinicId, (Guid Id, string Name) therapist,
        bool discharged, int? eventCount)
    {
        var spec = _faker.PickRandom(ClinicalCatalog.Conditions);
        var start = eventCount is { } n ? today.AddDays(-(n / 2 + 14))
            : discharged ? today.AddDays(-_faker.Random.Int(100, 220)) : today.AddDays(-_faker.Random.Int(10, 80));
        var end = discharged ? start.AddDays(_faker.Random.Int(35, 75)) : today;
        var patient = RegisterPatient(record, clinicId, start);
        var builder = new EpisodeBuilder(_faker, NewId(), patient, clinicId, therapist, spec, start);

        builder.Open(_faker.PickRandom(ClinicalCatalog.ReferralSources), Coverage());
        if (eventCount is { } exact) builder.FillTo(exact);
        else builder.RunUntil(end, discharged);

        record.Streams.Add(builder.ToStream());
        return (builder.Id, builder.Events.Count, builder.ActiveClinicExercises());
    }

    private Guid RegisterPatient(ClinicalRecord record, Guid clinicId, DateOnly start)
    {
        var id = NewId();
        var sex = _faker.Random.Bool() ? AdministrativeSex.Female : AdministrativeSex.Male;
        var gender = sex == AdministrativeSex.Female ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male;
        var birth = DateOnly.FromDateTime(_faker.Date.Between(new DateTime(1940, 1, 1), new DateTime(2008, 1, 1)));
        record.Streams.Add(Single(id, typeof(Patient), new PatientRegistered(id, clinicId, _faker.Name.LastName(gender),
            _faker.Name.FirstName(gender), birth, sex, $"MRN-{_faker.Random.Number(100000, 999999)}", Importer, Moment(start)), start));
        return id;
    }

    private Coverage Coverage()
    {
        var payer = _faker.PickRandom(ClinicalCatalog.Payers);
        return new Coverage(payer.PayerId, payer.PayerName, $"{payer.Prefix}-{_faker.Random.Number(100, 999)}-{_faker.Random.Number(1000, 9999)}");
    }

    private Guid NewId() => _faker.Random.Guid();

    private static GeneratedStream Single(Guid id, Type aggregate, object e, DateOnly on) => new(id, aggregate, [e], [Moment(on)]);

    internal static DateTimeOffset Moment(DateOnly date) => new(date.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero);
}
