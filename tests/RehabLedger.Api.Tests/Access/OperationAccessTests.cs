using RehabLedger.Access;
using RehabLedger.Disclosures;
using RehabLedger.Security;
using Microsoft.Extensions.Logging.Abstractions;

namespace RehabLedger.Tests.Access;

/// <summary>
/// What an operation accounts for and how it is written, without a host: every granted read of patient data whoever
/// reads it, every refusal, once per subject, in one append at completion under the operation's correlation ids.
/// </summary>
public sealed class OperationAccessTests
{
    private sealed class Appends : IAccessRecordWriter
    {
        public List<(Operation Operation, IReadOnlyList<DisclosureRecorded> Records)> Written { get; } = [];

        public Task AppendAsync(Operation operation, IReadOnlyList<DisclosureRecorded> records)
        {
            Written.Add((operation, records));
            return Task.CompletedTask;
        }
    }

    private static readonly Guid Clinic = Guid.NewGuid();
    private static readonly DisclosureSubject Patient = new(Clinic, Guid.NewGuid(), null);

    private static (OperationAccess, Appends) Begin(Caller? caller)
    {
        var writer = new Appends();
        var operation = new Operation(caller, "corr-1", "client-1", Surfaces.Fhir);
        return (new AccessAccounting(writer, TimeProvider.System, NullLogger<DisclosureLog>.Instance).Begin(operation), writer);
    }

    private static Caller Someone(string role) => role switch
    {
        Roles.Insurer => new Caller("i", "I", role, new HashSet<Guid>(), "aetna", null),
        Roles.Patient => new Caller("p", "P", role, new HashSet<Guid>(), null, Patient.PatientId),
        Roles.PlatformAdmin => new Caller("a", "A", role, new HashSet<Guid>(), null, null),
        _ => new Caller("s", "S", role, new HashSet<Guid> { Clinic }, null, null),
    };

    [Theory]
    [InlineData(Roles.Therapist)]
    [InlineData(Roles.ClinicAdmin)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Insurer)]
    [InlineData(Roles.Patient)]
    [InlineData(Roles.PlatformAdmin)]
    public async Task every_roles_read_of_patient_data_is_accounted_once_in_one_append(string role)
    {
        var (access, writer) = Begin(Someone(role));
        access.Log.Granted("Query.patient", Patient);
        access.Log.Granted("Query.patient", Patient);
        access.Log.Granted("Query.clinic", DisclosureSubject.Clinic(Clinic));
        access.Record("Query.episode", Guid.NewGuid(), AccessDecision.NotFound).ShouldBeFalse();
        writer.Written.ShouldBeEmpty("nothing is written before the operation completes");

        await access.CompleteAsync();

        var (operation, records) = writer.Written.ShouldHaveSingleItem();
        (operation.CorrelationId, operation.ClientCorrelationId).ShouldBe(("corr-1", "client-1"));
        records.Select(r => (r.Operation, r.Outcome, r.By.Role)).ShouldBe(
            [("Query.patient", DisclosureOutcome.Granted, role), ("Query.episode", DisclosureOutcome.Denied, role)]);
    }

    [Fact]
    public async Task an_operation_without_identity_writes_nothing_and_an_empty_one_no_append()
    {
        var (anonymous, writer) = Begin(null);
        anonymous.Record("Query.episode", Guid.NewGuid(), AccessDecision.NotFound);
        anonymous.Log.Granted("Query.patient", Patient);
        await anonymous.CompleteAsync();

        var (quiet, quietWriter) = Begin(Someone(Roles.Therapist));
        await quiet.CompleteAsync();

        writer.Written.ShouldBeEmpty();
        quietWriter.Written.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_checked_operation_records_its_refusals_and_not_what_it_was_permitted()
    {
        var (access, writer) = Begin(Someone(Roles.Therapist));
        access.Check("Mutation.grantConsent", Patient.PatientId!.Value, AccessDecision.Grant(Patient)).ShouldBeTrue();
        access.Check("Mutation.grantConsent", Guid.NewGuid(), AccessDecision.NotFound).ShouldBeFalse();
        await access.CompleteAsync();

        writer.Written.ShouldHaveSingleItem().Records.Select(r => r.Outcome).ShouldBe([DisclosureOutcome.Denied]);
    }

    [Fact]
    public void the_guard_is_built_from_the_operations_caller()
    {
        var (access, _) = Begin(Someone(Roles.Auditor));
        access.Guard.Caller.ShouldBe(access.Operation.Caller);
        access.Guard.CanRead(Clinic).ShouldBeTrue();
        access.Guard.CanRead(Guid.NewGuid()).ShouldBeFalse();
    }
}
