using System.Security.Claims;
using RehabLedger.Common;

namespace RehabLedger.Security;

/// <summary>
/// Who is calling, read once from a validated token. A token whose claims do not make a coherent caller (no
/// subject, no role or an unknown one, a therapist without a clinic, an insurer without a payer, a subject, name or
/// payer that is not <see cref="SafeText"/>) is refused at authentication, so everything downstream can rely on these
/// properties (and the text claims can be written to the record and the logs as they are).
/// </summary>
public sealed record Caller(string Subject, string Name, string Role, IReadOnlySet<Guid> Clinics, string? PayerId, Guid? PatientId)
{
    public ActorRef Actor => new(Subject, Role, Name);

    /// <summary>The caller a principal stands for, or null with the reason it does not stand for any.</summary>
    public static Caller? From(ClaimsPrincipal? user, out string? problem)
    {
        problem = null;
        if (user?.Identity?.IsAuthenticated != true)
        {
            problem = "not authenticated";
            return null;
        }

        var subject = user.FindFirstValue(RehabClaims.Subject);
        var roles = Values(user, RehabClaims.Role);
        var clinicTexts = Values(user, RehabClaims.Clinic);
        var payers = Values(user, RehabClaims.Payer);
        var patients = Values(user, RehabClaims.Patient);

        if (string.IsNullOrWhiteSpace(subject) || subject.Length > Validate.ShortText || !SafeText.IsSafe(subject, multiline: false))
            problem = "the token has no usable 'sub' claim";
        else if (roles.Count != 1) problem = "the token must carry exactly one 'role' claim";
        else if (!Roles.All.Contains(roles[0])) problem = $"'{roles[0]}' is not a RehabLedger role";
        if (problem is not null) return null;

        var role = roles[0];
        var clinics = new HashSet<Guid>();
        foreach (var text in clinicTexts)
        {
            if (!Guid.TryParse(text, out var clinic) || clinic == Guid.Empty)
            {
                problem = "a 'clinic' claim is not a clinic id";
                return null;
            }
            clinics.Add(clinic);
        }

        var clinicBound = Roles.ClinicBound.Contains(role);
        if (clinicBound && clinics.Count == 0) problem = $"a {role} token must name at least one clinic";
        else if (!clinicBound && clinics.Count > 0) problem = $"a {role} token must not name clinics";
        else if (role == Roles.Insurer && (payers.Count != 1 || string.IsNullOrWhiteSpace(payers[0]) || payers[0].Length > Validate.ShortText
                     || !SafeText.IsSafe(payers[0], multiline: false)))
            problem = "an insurer token must carry exactly one 'payer' claim";
        else if (role != Roles.Insurer && payers.Count > 0) problem = "only an insurer token carries a 'payer' claim";
        else if (role == Roles.Patient && (patients.Count != 1 || !Guid.TryParse(patients[0], out _)))
            problem = "a patient token must carry exactly one 'patient' claim holding a patient id";
        else if (role != Roles.Patient && patients.Count > 0) problem = "only a patient token carries a 'patient' claim";
        var name = user.FindFirstValue(RehabClaims.Name);
        if (name?.Length > Validate.ShortText) problem = $"the 'name' claim is longer than {Validate.ShortText} characters";
        else if (name is not null && !SafeText.IsSafe(name, multiline: false)) problem = "the 'name' claim holds control characters or is not valid text";
        if (problem is not null) return null;

        return new Caller(
            subject!,
            string.IsNullOrWhiteSpace(name) ? subject! : name,
            role,
            clinics,
            role == Roles.Insurer ? payers[0] : null,
            role == Roles.Patient ? Guid.Parse(patients[0]) : null);
    }

    private static List<string> Values(ClaimsPrincipal user, string type) =>
        user.FindAll(type).Select(c => c.Value).ToList();
}
