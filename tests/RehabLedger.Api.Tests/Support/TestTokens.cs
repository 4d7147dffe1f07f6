using Alba;
using Microsoft.Extensions.DependencyInjection;
using RehabLedger.Security;

namespace RehabLedger.Tests.Support;

/// <summary>Tokens for tests, minted with the signing key and the clock of the host under test.</summary>
public static class TestTokens
{
    public const string Issuer = "rehabledger-tests";
    public const string Audience = "rehabledger-tests-api";

    /// <summary>The identity every test uses unless it says otherwise.</summary>
    public static readonly TokenClaims PlatformAdmin = new("test-platform-admin", "Test platform administrator", Roles.PlatformAdmin);

    public static TokenClaims Therapist(Guid clinicId, string subject = "test-therapist") =>
        new(subject, "Test therapist", Roles.Therapist, [clinicId]);

    public static TokenClaims ClinicAdmin(Guid clinicId) => new("test-clinic-admin", "Test clinic administrator", Roles.ClinicAdmin, [clinicId]);

    public static TokenClaims Auditor(Guid clinicId) => new("test-auditor", "Test auditor", Roles.Auditor, [clinicId]);

    public static TokenClaims Insurer(string payer) => new($"test-insurer-{payer}", $"Test insurer {payer}", Roles.Insurer, Payer: payer);

    public static TokenClaims Patient(Guid patientId) => new($"test-patient-{patientId:N}", "Test patient", Roles.Patient, Patient: patientId);

    public static string Token(this IAlbaHost host, TokenClaims claims, TimeSpan? lifetime = null) =>
        host.Services.GetRequiredService<TokenIssuer>().Issue(claims, lifetime).Token;

    /// <summary>Headers that send this identity's token.</summary>
    public static Dictionary<string, string> As(this IAlbaHost host, TokenClaims claims) =>
        new() { ["Authorization"] = "Bearer " + host.Token(claims) };

    /// <summary>Headers that send no Authorization at all.</summary>
    public static readonly IReadOnlyDictionary<string, string> Anonymous = new Dictionary<string, string> { ["Authorization"] = "" };
}
