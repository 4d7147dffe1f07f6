using System.Text.Json.Nodes;
using Alba;
using GraphQL.Types;
using Marten;
using RehabLedger.Clinics;
using RehabLedger.GraphQL;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Security;

/// <summary>
/// Every operation that takes an id, with every argument it takes set to good and bad values (alone, all together and
/// in seeded random mixes), answers an id of another clinic byte for byte as an id that exists nowhere, and at the
/// same cost: the same number of database round trips before the answer (so the answer's timing cannot tell them
/// apart either). Queries are generated from the running schema's arguments; mutations from the role matrix's inputs,
/// each field changed in turn.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class when_naming_another_clinics_record(AppFixture fixture) : IAsyncLifetime
{
    private const int Seed = 13;
    private static SecurityWorld? _world;
    private IAlbaHost Host => fixture.Host;
    private static DateOnly Today => DateOnly.FromDateTime(AppFixture.Now.UtcDateTime);

    public async Task InitializeAsync()
    {
        await using var session = fixture.Store.QuerySession();
        if (_world is not null && await session.LoadAsync<Clinic>(_world.A.ClinicId) is not null) return;
        await fixture.ResetAsync();
        _world = await SecurityWorld.Seed(Host, Today);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Where a query names a record: an ID argument, or an ID field of an input object argument.</summary>
    public sealed record Slot(string Argument, string? InputField, string Kind);

    public static IEnumerable<object[]> Queries() =>
        from root in SchemaRoots.Fields()
        where root.Type.Name == "Query"
        from slot in Slots(root.Field)
        select new object[] { root.Field.Name, slot.Argument, slot.InputField ?? "" };

    public static IEnumerable<object[]> Mutations() =>
        RoleMatrix.Operations.Values.Where(o => o.Targeted && o.Field.StartsWith("Mutation.")).Select(o => new object[] { o.Field });

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task a_query_answers_it_as_an_unknown_id_whatever_the_other_arguments(string field, string argument, string inputField)
    {
        var definition = SchemaRoots.Schema.Query.Fields.Find(field)!;
        var slot = Slots(definition).Single(s => s.Argument == argument && (s.InputField ?? "") == inputField);
        var callers = Callers($"Query.{field}");
        callers.ShouldNotBeEmpty($"no role but the platform administrator may use Query.{field}: the matrix says who may");

        var selection = Unwrap(definition.ResolvedType!) is IComplexGraphType ? " { __typename }" : "";
        foreach (var others in Combinations(definition, slot))
        foreach (var caller in callers)
            await Compare(caller, (_, _) => new Request($"{{ {field}({Arguments(slot, others)}){selection} }}", new { }),
                $"Query.{field}({slot.Argument}{(slot.InputField is null ? "" : "." + slot.InputField)}, {Describe(others)})", slot.Kind);
    }

    [Theory]
    [MemberData(nameof(Mutations))]
    public async Task a_mutation_answers_it_as_an_unknown_id_whatever_the_rest_of_the_input(string field)
    {
        var operation = RoleMatrix.Operations[field];
        var x = new MatrixContext(Host, _world!, Today);
        var callers = Callers(field);
        var input = (JsonObject)JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(
            operation.Build(x, new Target(_world!.B, SecurityWorld.Payer)).Variables))!["input"]!;
        foreach (var change in InputChanges(input))
        foreach (var caller in callers)
            await Compare(caller, (records, target) =>
                {
                    var request = operation.Build(x, target);
                    var variables = (JsonObject)JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(request.Variables))!;
                    change.Apply((JsonObject)variables["input"]!);
                    return request with { Variables = variables };
                },
                $"{field} with {change.Description}", kind: null);
    }

    [Fact]
    public async Task the_fhir_route_answers_it_as_an_unknown_id_whatever_the_query_string()
    {
        using var counter = new RoundTripCounter();
        foreach (var query in new[] { "", "?_format=xml", "?_count=-1&_since=garbage", "?id=" + _world!.A.EpisodeId })
        {
            var foreign = await Fhir(counter, _world.B.EpisodeId, query);
            var unknownId = Guid.NewGuid();
            var unknown = await Fhir(counter, unknownId, query);
            foreign.Status.ShouldBe(404);
            foreign.Body.Replace(_world.B.EpisodeId.ToString(), "{id}").ShouldBe(unknown.Body.Replace(unknownId.ToString(), "{id}"));
            foreign.RoundTrips.ShouldBe(unknown.RoundTrips, $"round trips before the answer, query '{query}'");
        }
    }

    private async Task<(int Status, string Body, int RoundTrips)> Fhir(RoundTripCounter counter, Guid episodeId, string query)
    {
        var (traceId, traceparent) = RoundTripCounter.NewTrace();
        var token = Host.Token(TestTokens.Insurer(SecurityWorld.Payer));
        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/fhir/episodes/{episodeId}/outcome-history{query}");
            s.WithRequestHeader("Authorization", "Bearer " + token);
            s.WithRequestHeader("traceparent", traceparent);
            s.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, await result.ReadAsTextAsync(), counter.For(traceId));
    }

    /// <summary>
    /// Sends the request for the other clinic's record and for one that exists nowhere, and compares the answers (each
    /// with its own id replaced by a placeholder) and the round trips each cost.
    /// </summary>
    private async Task Compare(Who caller, Func<ClinicRecords, Target, Request> build, string what, string? kind)
    {
        using var counter = new RoundTripCounter();
        var foreign = new Target(_world!.B, SecurityWorld.Payer);
        var unknown = foreign.Unknown();
        var foreignAnswer = await Send(counter, caller, build(foreign.Records, foreign), foreign.Records, kind);
        var unknownAnswer = await Send(counter, caller, build(unknown.Records, unknown), unknown.Records, kind);

        var because = $"{caller}: {what}\n  foreign: {foreignAnswer.Body}\n  unknown: {unknownAnswer.Body}";
        foreignAnswer.Status.ShouldBe(unknownAnswer.Status, because);
        foreignAnswer.Body.ShouldBe(unknownAnswer.Body, because);
        foreignAnswer.RoundTrips.ShouldBe(unknownAnswer.RoundTrips, $"round trips before the answer differ. {because}");
    }

    private async Task<(int Status, string Body, int RoundTrips)> Send(RoundTripCounter counter, Who caller, Request request, ClinicRecords records,
        string? kind)
    {
        var (traceId, traceparent) = RoundTripCounter.NewTrace();
        var headers = _world!.Headers(Host, caller).ToDictionary();
        headers["traceparent"] = traceparent;
        var query = kind is null ? request.Query : request.Query.Replace(Placeholder, IdOf(records, kind).ToString());
        var response = await Host.GraphQL(query, request.Variables, headers);
        var body = response.Body.ToJsonString();
        foreach (var id in new[] { records.ClinicId, records.TherapistId, records.PatientId, records.EpisodeId, records.ExerciseId, records.GoalId })
            body = body.Replace(id.ToString(), "{id}");
        return ((int)response.Status, body, counter.For(traceId));
    }

    private const string Placeholder = "__RECORD_ID__";

    private static Guid IdOf(ClinicRecords records, string kind) => kind switch
    {
        "clinic" => records.ClinicId,
        "patient" => records.PatientId,
        "episode" => records.EpisodeId,
        "therapist" => records.TherapistId,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind),
    };

    /// <summary>Every role but the platform administrator's that the matrix allows on its own clinic's records.</summary>
    private static List<Who> Callers(string field) =>
        Enum.GetValues<Who>().Where(w => w is not (Who.Anonymous or Who.PlatformAdmin) && RoleMatrix.Operations[field].Expect(w, Side.Own).Outcome == Outcome.Allowed)
            .ToList();

    private static IEnumerable<Slot> Slots(FieldType field)
    {
        foreach (var argument in field.Arguments ?? [])
        {
            var type = Unwrap(argument.ResolvedType!);
            if (type is IdGraphType && KindOf(argument.Name, field.Name) is { } kind) yield return new Slot(argument.Name, null, kind);
            if (type is IInputObjectGraphType input)
                foreach (var inner in input.Fields)
                    if (Unwrap(inner.ResolvedType!) is IdGraphType && KindOf(inner.Name, field.Name) is { } innerKind)
                        yield return new Slot(argument.Name, inner.Name, innerKind);
        }
    }

    /// <summary>Which record an ID names: by its name, or for a bare <c>id</c> by the field's name.</summary>
    private static string? KindOf(string name, string field) => name switch
    {
        "id" => field,
        "clinicId" => "clinic",
        "patientId" => "patient",
        "episodeId" => "episode",
        _ => null,
    };

    private static IGraphType Unwrap(IGraphType type) => type switch
    {
        NonNullGraphType n => Unwrap(n.ResolvedType!),
        _ => type,
    };

    /// <summary>An argument (or a field of an input object argument) and the literal it is given.</summary>
    private sealed record Value(string Argument, string? InputField, string Literal);

    /// <summary>No other argument, each value alone, the first value of each together, and seeded random mixes.</summary>
    private static IEnumerable<IReadOnlyList<Value>> Combinations(FieldType field, Slot slot)
    {
        var candidates = new List<List<Value>>();
        foreach (var argument in field.Arguments ?? [])
        {
            var type = Unwrap(argument.ResolvedType!);
            if (type is IInputObjectGraphType input)
            {
                foreach (var inner in input.Fields)
                    if (!(argument.Name == slot.Argument && inner.Name == slot.InputField) && Literals(inner.ResolvedType!, inner.Name) is { Count: > 0 } innerValues)
                        candidates.Add(innerValues.Select(l => new Value(argument.Name, inner.Name, l)).ToList());
            }
            else if (argument.Name != slot.Argument && Literals(argument.ResolvedType!, argument.Name) is { Count: > 0 } values)
                candidates.Add(values.Select(l => new Value(argument.Name, null, l)).ToList());
        }

        yield return [];
        foreach (var value in candidates.SelectMany(c => c)) yield return [value];
        if (candidates.Count > 1) yield return candidates.Select(c => c[0]).ToList();
        var random = new Random(Seed);
        for (var i = 0; i < 6 && candidates.Count > 1; i++)
            yield return candidates.Where(_ => random.Next(2) == 0).Select(c => c[random.Next(c.Count)]).ToList();
    }

    /// <summary>Good and bad values of a type: out of range, unparsable, well formed but pointing nowhere.</summary>
    private static List<string> Literals(IGraphType type, string name) => Unwrap(type) switch
    {
        IntGraphType => ["-1", "10000", "0", "3"],
        LongGraphType => ["-1", "999999999", "0"],
        StringGraphType when name == Paging.After => ["\"garbage\"", Quote(Paging.Cursor("1")), Quote(Paging.Cursor("not-a-key"))],
        StringGraphType => ["\"\"", "\"x\""],
        DateTimeOffsetGraphType => ["\"1900-01-01T00:00:00Z\"", "\"2999-01-01T00:00:00Z\"", Quote(AppFixture.Now.ToString("O"))],
        DateOnlyGraphType => ["\"1900-01-01\"", "\"2999-12-31\"", Quote(Today.ToString("yyyy-MM-dd"))],
        BooleanGraphType => ["true", "false"],
        IdGraphType => [Quote(Guid.NewGuid().ToString())],
        EnumerationGraphType e => e.Values.Take(2).Select(v => v.Name).ToList(),
        ListGraphType { ResolvedType: { } item } => Literals(item, name).Take(1).Select(l => $"[{l}]").Append("[]").ToList(),
        _ => [],
    };

    private static string Quote(string text) => "\"" + text + "\"";

    private static string Arguments(Slot slot, IReadOnlyList<Value> others)
    {
        var values = others.Append(new Value(slot.Argument, slot.InputField, Quote(Placeholder)));
        return string.Join(", ", values.GroupBy(v => v.Argument).Select(g => g.First().InputField is null
            ? $"{g.Key}: {g.First().Literal}"
            : $"{g.Key}: {{ {string.Join(", ", g.Select(v => $"{v.InputField}: {v.Literal}"))} }}"));
    }

    private static string Describe(IReadOnlyList<Value> values) =>
        values.Count == 0 ? "nothing else" : string.Join(", ", values.Select(v => $"{v.Argument}{(v.InputField is null ? "" : "." + v.InputField)}: {v.Literal}"));

    /// <summary>One change to a mutation's input: a field set to a value of another kind, out of range, or removed.</summary>
    private sealed record InputChange(string Description, Action<JsonObject> Apply);

    private static IEnumerable<InputChange> InputChanges(JsonObject input)
    {
        yield return new InputChange("the input as it is", _ => { });
        foreach (var (path, value) in Leaves(input, ""))
        {
            if (path.EndsWith("episodeId") || path.EndsWith("patientId") || path.EndsWith("clinicId")) continue;
            foreach (var replacement in Replacements(value))
                yield return new InputChange($"{path} = {replacement?.ToJsonString() ?? "null"}", o => Set(o, path, replacement?.DeepClone()));
        }
    }

    private static IEnumerable<(string Path, JsonNode? Value)> Leaves(JsonNode? node, string path) => node switch
    {
        JsonObject o => o.SelectMany(p => Leaves(p.Value, path.Length == 0 ? p.Key : $"{path}.{p.Key}")),
        JsonArray a when a.Count > 0 => a.SelectMany((item, i) => Leaves(item, $"{path}[{i}]")),
        _ => [(path, node)],
    };

    private static IEnumerable<JsonNode?> Replacements(JsonNode? value)
    {
        if (value is null) yield break;
        if (value is JsonArray) { yield return new JsonArray(); yield break; }
        var element = value.GetValueKind();
        if (element is System.Text.Json.JsonValueKind.Number)
        {
            yield return JsonValue.Create(-1);
            yield return JsonValue.Create(1_000_000_000);
        }
        else if (element is System.Text.Json.JsonValueKind.String)
        {
            var text = value.GetValue<string>();
            if (Guid.TryParse(text, out _)) yield return JsonValue.Create(Guid.NewGuid().ToString());
            else if (DateOnly.TryParse(text, out _)) { yield return JsonValue.Create("1900-01-01"); yield return JsonValue.Create("2999-12-31"); }
            else { yield return JsonValue.Create(""); yield return JsonValue.Create(new string('x', 5000)); }
        }
        yield return null;
    }

    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        JsonNode node = root;
        foreach (var part in parts[..^1]) node = Step(node, part);
        var last = parts[^1];
        var bracket = last.IndexOf('[');
        if (bracket < 0) ((JsonObject)node)[last] = value;
        else ((JsonArray)Step(node, last[..bracket])!)[int.Parse(last[(bracket + 1)..^1])] = value;
    }

    private static JsonNode Step(JsonNode node, string part)
    {
        var bracket = part.IndexOf('[');
        return bracket < 0 ? node[part]! : node[part[..bracket]]![int.Parse(part[(bracket + 1)..^1])]!;
    }
}
