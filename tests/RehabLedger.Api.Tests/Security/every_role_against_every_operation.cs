using System.Net;
using System.Text.Json.Nodes;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using RehabLedger.Clinics;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Security;

/// <summary>
/// Every role (and nobody) against every root field of the running schema, on its own clinic's records and on
/// another clinic's valid ones. Each cell asserts the exact answer: allowed, or the refusal with its code, status and
/// field; a hidden record answers exactly as an unknown id does; a refusal writes nothing. The world is seeded once
/// for the class; allowed writes work on records of their own.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class every_role_against_every_operation(AppFixture fixture) : IAsyncLifetime
{
    private static SecurityWorld? _world;
    private IAlbaHost Host => fixture.Host;
    private MatrixContext Context => new(Host, _world!, DateOnly.FromDateTime(AppFixture.Now.UtcDateTime));

    public static IEnumerable<object[]> Cells() =>
        from field in SchemaRoots.Coordinates()
        from caller in Enum.GetValues<Who>()
        from side in RoleMatrix.Operations.TryGetValue(field, out var op) && !op.Targeted ? [Side.Own] : new[] { Side.Own, Side.Other }
        select new object[] { field, caller, side };

    public async Task InitializeAsync()
    {
        // Test classes of the collection run one after another, so the world survives from cell to cell; if another
        // class reset the store in between, it is seeded again.
        await using var session = fixture.Store.QuerySession();
        if (_world is not null && await session.LoadAsync<Clinic>(_world.A.ClinicId) is not null) return;
        await fixture.ResetAsync();
        _world = await SecurityWorld.Seed(Host, Context.Today);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task answers_as_the_matrix_says(string field, Who caller, Side side)
    {
        RoleMatrix.Operations.TryGetValue(field, out var operation)
            .ShouldBeTrue($"{field} is in the schema but not in RoleMatrix: say what every role gets from it.");
        var expected = operation!.Expect(caller, side);
        var x = Context;
        var target = expected.Outcome == Outcome.Allowed && operation.Fresh is { } fresh
            ? await fresh(x, side)
            : new Target(side == Side.Own ? x.World.A : x.World.B, side == Side.Own ? SecurityWorld.Payer : "bcbs");

        var before = await Host.ClinicalEventCount();
        var response = await Send(operation, target, caller);
        var name = field.Split('.')[1];
        var because = $"{caller} on {side} records: expected {expected}, got {response.Status} {response.Body.ToJsonString()}";

        switch (expected.Outcome)
        {
            case Outcome.Allowed:
                response.Errors.ShouldBeNull(because);
                response.Status.ShouldBe(HttpStatusCode.OK, because);
                operation.Check?.Invoke(response.Data, x, caller, side);
                return;
            case Outcome.Unauthenticated:
                response.Status.ShouldBe(HttpStatusCode.Unauthorized, because);
                response.ErrorCode.ShouldBe("UNAUTHENTICATED", because);
                response.Body["data"].ShouldBeNull(because);
                break;
            case Outcome.Forbidden:
                response.Status.ShouldBe(HttpStatusCode.Forbidden, because);
                response.ErrorCode.ShouldBe("FORBIDDEN", because);
                response.Body.AsObject().ContainsKey("data").ShouldBeFalse(because);
                break;
            case Outcome.ForbiddenArgument:
                response.Status.ShouldBe(HttpStatusCode.OK, because);
                response.ErrorCode.ShouldBe("FORBIDDEN", because);
                response.ErrorField.ShouldBe(expected.Field, because);
                break;
            case Outcome.Hidden:
                response.Errors.ShouldBeNull(because);
                response.Data![name].ShouldBeNull(because);
                var unknown = await Send(operation, target.Unknown(), caller);
                response.Body.ToJsonString().ShouldBe(unknown.Body.ToJsonString(), "a record out of reach must look exactly like one that does not exist");
                break;
            case Outcome.NotFound:
                response.ErrorCode.ShouldBe("NOT_FOUND", because);
                response.ErrorField.ShouldBe(expected.Field, because);
                var missing = target.Unknown();
                var unknownAnswer = await Send(operation, missing, caller);
                unknownAnswer.ErrorCode.ShouldBe("NOT_FOUND");
                response.ErrorMessage.Replace(Id(target, expected.Field!), "{id}")
                    .ShouldBe(unknownAnswer.ErrorMessage.Replace(Id(missing, expected.Field!), "{id}"), "the refusal must not tell a foreign id from an unknown one");
                break;
        }

        (await Host.ClinicalEventCount()).ShouldBe(before, $"a refused request must write nothing ({because})");
    }

    private Task<GraphQLResponse> Send(Operation operation, Target target, Who caller)
    {
        var request = operation.Build(Context, target);
        return Host.GraphQL(request.Query, request.Variables, _world!.Headers(Host, caller).ToDictionary());
    }

    private static string Id(Target target, string field) => (field switch
    {
        "input.episodeId" or "episodeId" => target.Records.EpisodeId,
        "input.patientId" => target.Records.PatientId,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field),
    }).ToString();
}
