using Microsoft.Extensions.Logging;
using RehabLedger.Common;
using RehabLedger.Infrastructure;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Infrastructure.Operations;

[Collection(OwnHostCollection.Name)]
public sealed class when_a_command_is_refused(OwnHost own)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task the_log_names_the_command_and_code_at_information_without_its_clinical_text()
    {
        var host = own.Host;
        var episode = await host.OpenEpisode(Today.AddDays(-7));
        var marker = $"Patient confided marker-{Guid.NewGuid():N}";
        own.Logs.Clear();

        var stale = await host.GraphQL(ClinicalApi.RecordAssessmentMutation,
            new { input = ClinicalApi.AssessmentInput(episode, expectedVersion: episode.Version + 5, Today, findings: marker) });
        var unknown = await host.GraphQL(ClinicalApi.RecordAssessmentMutation,
            new { input = ClinicalApi.AssessmentInput(episode with { EpisodeId = Guid.NewGuid() }, episode.Version, Today, findings: marker) });
        var invalid = await host.GraphQL(ClinicalApi.RecordAssessmentMutation,
            new { input = ClinicalApi.AssessmentInput(episode, episode.Version, Today.AddDays(-30), findings: marker) });

        stale.ErrorCode.ShouldBe(ErrorCodes.Conflict);
        unknown.ErrorCode.ShouldBe(ErrorCodes.NotFound);
        invalid.ErrorCode.ShouldBe(ErrorCodes.ValidationFailed);
        var lines = own.Logs.Lines;
        lines.ShouldAllBe(l => !l.Text.Contains(marker));
        lines.ShouldAllBe(l => l.Level < LogLevel.Error);
        var refusals = lines.Where(l => l.Category == CommandLogging.Category).ToList();
        refusals.ShouldAllBe(l => l.Level == LogLevel.Information);
        refusals.ShouldContain(l => l.Text.Contains("RecordAssessment refused with CONFLICT"));
        refusals.ShouldContain(l => l.Text.Contains("RecordAssessment refused with VALIDATION_FAILED"));
        // An unknown episode is refused before any command is sent (the access layer answers it like another clinic's).
        refusals.ShouldNotContain(l => l.Text.Contains("NOT_FOUND"));
    }

    [Fact]
    public async Task a_failure_of_any_other_kind_does_not_log_the_commands_text_either()
    {
        var host = own.Host;
        var episode = await host.OpenEpisode(Today.AddDays(-7));
        var marker = $"Patient confided marker-{Guid.NewGuid():N}";
        own.Logs.Clear();

        // A NUL character: refused by PostgreSQL's jsonb (unexpected), or at the edge where text is validated.
        var failed = await host.GraphQL(ClinicalApi.RecordAssessmentMutation,
            new { input = ClinicalApi.AssessmentInput(episode, episode.Version, Today, findings: marker + "\u0000") });

        failed.Errors.ShouldNotBeNull();
        own.Logs.Lines.ShouldAllBe(l => !l.Text.Contains(marker));
    }
}
