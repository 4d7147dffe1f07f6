using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using RehabLedger.Demo;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.WebApp;

/// <summary>
/// The service as a developer runs it for the web app: its own process on a real port (a browser needs a socket,
/// which Alba's in-memory server has not), Development with the demo data set, its own embedded PostgreSQL.
/// The demo caseload is topped up to <see cref="CaseloadSize"/> active episodes through the public API.
/// </summary>
public sealed class WebAppService : IAsyncDisposable
{
    public const int CaseloadSize = 50;
    public const string ExtraFamilyName = "Wexford";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly string _root = Path.Combine("/tmp", $"rehabledger-webapp-{Guid.NewGuid():N}");
    private readonly ServiceProcess _process;
    private readonly HttpClient _http;

    public string BaseUrl { get; }

    private WebAppService(int port)
    {
        BaseUrl = $"http://127.0.0.1:{port}";
        _http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var unlimited = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Demo__Seed"] = "true",
        };
        // The tests sign in and poll far more often than a person does; the limiter stays on with room for them.
        foreach (var caller in new[] { "Authenticated", "Anonymous" })
        foreach (var setting in new[] { "PermitsPerMinute", "Burst" })
            unlimited[$"RateLimits__{caller}__{setting}"] = "1000000";
        _process = ServiceProcess.Start(Path.Combine(_root, "postgres"), port, unlimited);
    }

    public static async Task<WebAppService> StartAsync()
    {
        var service = new WebAppService(FreePort());
        try
        {
            await service._process.WaitForLine("Seeded the demo data set", StartTimeout);
            await service._process.WaitForLine("RehabLedger is ready", StartTimeout);
            await service.TopUpCaseload();
            await service.ConsentToThePayer();
            return service;
        }
        catch (Exception e)
        {
            var output = service._process.Output;
            await service.DisposeAsync();
            throw new InvalidOperationException($"The service did not start for the web app tests: {e.Message}\n{output}", e);
        }
    }

    /// <summary>A development token for a demo user, as the sign-in page gets it.</summary>
    public async Task<string> Token(string user) => await Token(new { user });

    private async Task<string> Token(object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dev/tokens") { Content = JsonContent.Create(body) };
        request.Headers.Accept.ParseAdd("text/plain");
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Sends a GraphQL request as the token's caller; throws on any error.</summary>
    public async Task<JsonElement> GraphQL(string token, string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (body.TryGetProperty("errors", out var errors)) throw new InvalidOperationException($"GraphQL errors: {errors}");
        return body.GetProperty("data");
    }

    public Task<HttpResponseMessage> Get(string path) => _http.GetAsync(path);

    public async Task<long> EpisodeVersion(string token, Guid episodeId) =>
        (await GraphQL(token, "query($id: ID!) { episode(id: $id) { version } }", new { id = episodeId }))
        .GetProperty("episode").GetProperty("version").GetInt64();

    // The demo set has a handful of active episodes; a clinic's day has about fifty. The extra patients sort after
    // the demo ones, so the first page still shows every demo episode.
    private async Task TopUpCaseload()
    {
        var admin = await Token(new { sub = "webapp-tests", name = "Web app tests", role = "platform_admin" });
        // The caseload is an asynchronous projection that may still be folding the demo data (a discharge lowers the
        // count): top up against a settled count, and again should the count settle short.
        var count = await SettledCaseloadCount(admin);
        var opened = 0;
        while (count < CaseloadSize)
        {
            await OpenExtraEpisodes(admin, first: count + opened + 1, CaseloadSize - count);
            opened += CaseloadSize - count;
            count = await SettledCaseloadCount(admin);
        }
    }

    private async Task OpenExtraEpisodes(string admin, int first, int howMany)
    {
        for (var i = first; i < first + howMany; i++)
        {
            var patient = (await GraphQL(admin,
                    "mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { patient { id } } }",
                    new { input = new { clinicId = DemoDataSet.ClinicId, familyName = ExtraFamilyName, givenName = $"Case {i:00}", birthDate = "1970-01-01", sex = "OTHER" } }))
                .GetProperty("registerPatient").GetProperty("patient").GetProperty("id").GetString();
            await GraphQL(admin, "mutation($input: OpenEpisodeInput!) { openEpisode(input: $input) { version } }",
                new
                {
                    input = new
                    {
                        patientId = patient, clinicId = DemoDataSet.ClinicId, therapistId = i % 2 == 0 ? DemoDataSet.DanaId : DemoDataSet.MarcusId,
                        condition = new { icd10Code = "M54.50", description = "Low back pain, unspecified", bodyRegion = "lumbar spine" },
                        startedOn = DateTime.UtcNow.AddDays(-i).ToString("yyyy-MM-dd"),
                    },
                });
        }
    }

    /// <summary>The caseload's count once two looks a second apart agree (each look is an accounted read, so not faster).</summary>
    private async Task<int> SettledCaseloadCount(string admin)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        var last = await CaseloadCount(admin);
        while (true)
        {
            await Task.Delay(1000);
            var now = await CaseloadCount(admin);
            if (now == last && now > 0) return now;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The caseload count did not settle: last {last}, then {now}.");
            last = now;
        }
    }

    // The demo data holds no consent; an insurer reads nothing until the patient gives it. Maria gives hers to Aetna,
    // as she would from her own portal.
    private async Task ConsentToThePayer()
    {
        var maria = await Token("maria");
        var consents = (await GraphQL(maria, "{ myConsents { patientId version consents { payerId active } } }")).GetProperty("myConsents");
        if (consents.GetProperty("consents").EnumerateArray().Any(c => c.GetProperty("payerId").GetString() == "aetna" && c.GetProperty("active").GetBoolean())) return;
        await GraphQL(maria, "mutation($input: GrantConsentInput!) { grantConsent(input: $input) { version } }",
            new { input = new { patientId = consents.GetProperty("patientId").GetString(), expectedVersion = consents.GetProperty("version").GetInt64(), payerId = "aetna" } });
    }

    private async Task<int> CaseloadCount(string token) =>
        (await GraphQL(token, "query($c: ID!) { caseload(clinicId: $c) { totalCount } }", new { c = DemoDataSet.ClinicId }))
        .GetProperty("caseload").GetProperty("totalCount").GetInt32();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        // SIGTERM lets the service stop its embedded PostgreSQL before it exits.
        try
        {
            _process.Signal(ServiceProcess.SigTerm);
            await _process.WaitForExit(TimeSpan.FromSeconds(30));
        }
        catch (Exception)
        {
            // Already gone, or slow to stop: Dispose kills what is left.
        }

        _process.Dispose();
        TestHostSettings.DeleteDataFolder(_root);
    }
}
