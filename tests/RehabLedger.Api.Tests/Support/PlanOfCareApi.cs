namespace RehabLedger.Tests.Support;

/// <summary>Plan-of-care requests as a client sends them.</summary>
public static class PlanOfCareApi
{
    public const string CertifyMutation = """
        mutation($input: CertifyPlanOfCareInput!) {
          certifyPlanOfCare(input: $input) {
            version
            episode {
              id version
              certifications { id start end days physician { name npi } note }
              certificationStatus { certification { id start end } daysRemaining ending lapsed missing }
            }
          }
        }
        """;

    public static object CertifyInput(EpisodeSetup e, long expectedVersion, DateOnly start, DateOnly end, Guid? id = null,
        string physician = "Dr. Lena Okoye", string? npi = "1234567893", string? note = "Recertified after re-assessment.") => new
    {
        id,
        episodeId = e.EpisodeId,
        expectedVersion,
        start = start.ToString("yyyy-MM-dd"),
        end = end.ToString("yyyy-MM-dd"),
        physician = new { name = physician, npi },
        note,
    };

    public const string StatusQuery = """
        query($id: ID!) {
          episode(id: $id) {
            certifications { id start end days }
            certificationStatus { certification { id start end } daysRemaining ending lapsed missing }
          }
        }
        """;

    public const string DischargeMutation = """
        mutation($input: DischargeEpisodeInput!) {
          dischargeEpisode(input: $input) {
            version
            episode { id version status dischargedOn dischargeReason assessments { id kind effectiveOn assessorName findings } measures { code baseline latest } }
          }
        }
        """;

    public static object DischargeInput(EpisodeSetup e, long expectedVersion, DateOnly effectiveOn, object? assessment = null,
        string reason = "Goals met; independent with home program.") => new
    {
        episodeId = e.EpisodeId,
        expectedVersion,
        effectiveOn = effectiveOn.ToString("yyyy-MM-dd"),
        reason,
        assessment,
    };

    public static object DischargeAssessmentInput(EpisodeSetup e, object[]? measures = null, Guid? id = null,
        string? findings = "Independent with stairs.") => new
    {
        id,
        assessorId = e.TherapistId,
        measures = measures ?? [new { code = "LEFS", value = 61 }, new { code = "NPRS", value = 2 }],
        findings,
    };
}
