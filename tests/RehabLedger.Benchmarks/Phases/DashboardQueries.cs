namespace RehabLedger.Benchmarks.Phases;

/// <summary>What a clinical dashboard asks: a therapist's caseload page, and one patient's progress.</summary>
public static class DashboardQueries
{
    public const string Caseload = """
        query Caseload($clinicId: ID!, $therapistId: ID!) {
          caseload(clinicId: $clinicId, therapistId: $therapistId, first: 50) {
            totalCount
            edges {
              node {
                episodeId condition startedOn flags lastThreePains lastAdverseEventOn
                daysSinceAssessment attendedSinceProgressReport daysSinceAttendance
                patient { id familyName givenName birthDate }
                therapist { id displayName }
                certification { daysRemaining ending lapsed missing }
              }
            }
          }
        }
        """;

    public const string Progress = """
        query Progress($id: ID!) {
          episode(id: $id) {
            id version status startedOn
            progress {
              measures { code baseline latest change percentChange reachesMcid worsened series { effectiveOn value } }
              goals { id description measureCode target status latest met attainmentPercent }
              attendance { attended cancelled noShow ratePercent visitsUsed }
              homeAdherence { weekStart prescribed done percent }
              painTrend { date painBefore painAfter rpe }
              adverseEvents { date event { description severity } }
            }
          }
        }
        """;
}
